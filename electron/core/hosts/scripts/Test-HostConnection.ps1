<#
.SYNOPSIS
Reports what "Test connection" shows about a Hyper-V host: its name, PowerShell edition and version, whether the
Hyper-V module is there, and the cluster it belongs to. Read-only.

.DESCRIPTION
Self-contained (no module of its own), so the control plane can run it on a host that has no agent bundle yet:
locally with `pwsh -File`, or on a remote host through the remote wrapper (Invoke-Command -FilePath). It takes no
input (a payload piped in is ignored) and writes one line:

    ##hvprobe {"computer_name":...,"ps_edition":...,"ps_version":...,"hyperv_module":true,
               "hyperv_module_version":...,"cluster_name":...,"cluster_error":...}

A host without the FailoverClusters module, or whose cluster service does not answer, reports cluster_name null
(cluster_error says why when the module was there). Runs under Windows PowerShell 5.1 and PowerShell 7.

.INPUTS
None. Pipeline input is ignored.

.OUTPUTS
One '##hvprobe {json}' line, written with Write-Host. Exit code 0.

.EXAMPLE
pwsh -NoProfile -NonInteractive -File Test-HostConnection.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
try {
    [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
} catch {
    Write-Verbose -Message 'no console to set the output encoding of'
}

$edition = 'Desktop'
if ($PSVersionTable.ContainsKey('PSEdition')) {
    $edition = [string] $PSVersionTable.PSEdition
}
$computerName = [Environment]::MachineName

$hyperVModules = @(Get-Module -ListAvailable -Name 'Hyper-V')
$hyperVVersion = $null
if ($hyperVModules.Count -gt 0) {
    $hyperVVersion = [string] (@($hyperVModules | Sort-Object -Property 'Version' -Descending)[0].Version)
    try {
        Import-Module -Name 'Hyper-V' -ErrorAction Stop
        # The host's own name as Hyper-V reports it (on a lab host, the simulated host's name).
        $vmHost = Hyper-V\Get-VMHost -ErrorAction Stop
        if (-not [string]::IsNullOrEmpty([string] $vmHost.ComputerName)) {
            $computerName = [string] $vmHost.ComputerName
        }
    } catch {
        Write-Verbose -Message ('Get-VMHost did not answer: ' + $_.Exception.Message)
    }
}

$clusterName = $null
$clusterError = $null
if ($null -ne (Get-Module -ListAvailable -Name 'FailoverClusters')) {
    try {
        Import-Module -Name 'FailoverClusters' -ErrorAction Stop
        $cluster = FailoverClusters\Get-Cluster -ErrorAction Stop
        if ($null -ne $cluster) {
            $clusterName = [string] $cluster.Name
        }
    } catch {
        $clusterError = [string] $_.Exception.Message
    }
}

$report = [ordered]@{
    computer_name         = $computerName
    ps_edition            = $edition
    ps_version            = [string] $PSVersionTable.PSVersion
    hyperv_module         = ($hyperVModules.Count -gt 0)
    hyperv_module_version = $hyperVVersion
    cluster_name          = $clusterName
    cluster_error         = $clusterError
}
Write-Host -Object ('##hvprobe ' + (ConvertTo-Json -InputObject $report -Depth 3 -Compress))
# From a file, exit 0; sent with Invoke-Command -FilePath this is a script block, where exit would close the
# remote session (the wrapper then reports it broken): there the exit code stays the $LASTEXITCODE it set.
if ($PSCommandPath) {
    exit 0
}
