#Requires -Version 7.5
<#
.SYNOPSIS
Builds a simulated Hyper-V host (the lab host) in a sandbox folder from a scenario file.

.DESCRIPTION
Creates every virtual disk, configuration file, ISO, stray file and folder of the scenario for real (disks
are sparse files at realistic sizes), then writes state.json. Refuses to touch an existing sandbox unless
-Force, which first removes it safely (clearing file locks; a folder that is not a sandbox is never
removed). Afterwards point HVSIM_ROOT at the sandbox and put simulator/modules first on PSModulePath; see
simulator/README.md.

.PARAMETER ScenarioPath
The scenario file. Default: scenarios/lab.json next to this script.

.PARAMETER SandboxPath
The folder to build the host in.

.PARAMETER Force
Rebuild an existing sandbox.

.PARAMETER MaxFileSizeBytes
Caps the length of every created file, for tests that hash whole sandboxes. Default: no cap.

.EXAMPLE
./powershell/simulator/New-LabHost.ps1 -SandboxPath /tmp/hvsim-lab -Force

.EXAMPLE
./powershell/simulator/New-LabHost.ps1 -ScenarioPath ./my-host.json -SandboxPath /tmp/my-host -MaxFileSizeBytes 65536
#>
[CmdletBinding()]
param(
    [string] $ScenarioPath = (Join-Path -Path $PSScriptRoot -ChildPath 'scenarios/lab.json'),

    [Parameter(Mandatory)]
    [string] $SandboxPath,

    [switch] $Force,

    [int64] $MaxFileSizeBytes = -1
)
$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'modules/HvSim/HvSim.psd1')

$arguments = @{ ScenarioPath = $ScenarioPath; SandboxPath = $SandboxPath; Force = $Force }
if ($MaxFileSizeBytes -ge 0) {
    $arguments.MaxFileSizeBytes = $MaxFileSizeBytes
}
$sandbox = New-SimHost @arguments
$state = Get-SimState -Root $sandbox
Write-Output -InputObject "Built host $($state.host.computerName) with $(@($state.vms).Count) VMs in $sandbox"
Write-Output -InputObject "Use it: `$env:HVSIM_ROOT = '$sandbox'; `$env:PSModulePath = '$(Join-Path -Path $PSScriptRoot -ChildPath 'modules')' + [IO.Path]::PathSeparator + `$env:PSModulePath"
