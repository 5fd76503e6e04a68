# Shared by the simulator's Pester files (dot-source it in BeforeAll): puts the simulator's modules first on
# PSModulePath, imports them, and builds small throw-away hosts in temp sandboxes with fast behaviour delays.

$script:SimulatorRoot = [System.IO.Path]::GetFullPath((Join-Path -Path $PSScriptRoot -ChildPath '../../../simulator'))
$script:SimulatorModules = Join-Path -Path $script:SimulatorRoot -ChildPath 'modules'
if (-not (($env:PSModulePath -split [System.IO.Path]::PathSeparator) -contains $script:SimulatorModules)) {
    $env:PSModulePath = $script:SimulatorModules + [System.IO.Path]::PathSeparator + $env:PSModulePath
}
Import-Module -Name (Join-Path -Path $script:SimulatorModules -ChildPath 'HvSim/HvSim.psd1')
Import-Module -Name (Join-Path -Path $script:SimulatorModules -ChildPath 'Hyper-V/Hyper-V.psd1')
Import-Module -Name (Join-Path -Path $script:SimulatorModules -ChildPath 'FailoverClusters/FailoverClusters.psd1')

function New-TestScenario {
    <#
    .SYNOPSIS
    A small scenario: host HV01 on drive C, no cluster, the given VMs, disks (path -> record) and files, with
    fast delays. Disk records default to tiny dynamic disks.
    #>
    param(
        [object[]] $VM = @(),
        [hashtable] $Vhd = @{},
        [object[]] $File = @(),
        [object[]] $Directory = @(),
        [hashtable] $Cluster,
        [hashtable] $Behaviour = @{ releaseDelayMs = 400; mergeDelayMs = 500; transitionDelayMs = 150 }
    )
    $disks = @{}
    foreach ($key in $Vhd.Keys) {
        $record = @{ vhdType = 'Dynamic'; sizeBytes = 1048576; fileSizeBytes = 4096 }
        foreach ($field in $Vhd[$key].Keys) {
            $record[$field] = $Vhd[$key][$field]
        }
        $disks[$key] = $record
    }
    @{
        host        = @{ computerName = 'HV01'; drives = @('C') }
        cluster     = $Cluster
        vms         = $VM
        vhds        = $disks
        files       = $File
        directories = $Directory
        behaviour   = $Behaviour
    }
}

function New-TestHost {
    <#
    .SYNOPSIS
    Builds a scenario in a new temp sandbox, points HVSIM_ROOT at it and maps its drives. Returns the path.
    #>
    param(
        [Parameter(Mandatory)]
        [hashtable] $Scenario
    )
    $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-test-" + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $sandbox = New-SimHost -Scenario $Scenario -SandboxPath $path
    $env:HVSIM_ROOT = $sandbox
    Mount-SimDrive
    $sandbox
}

function Get-TestRealPath {
    <#
    .SYNOPSIS
    The sandbox file behind a Windows path of the current test host.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    ConvertTo-SimRealPath -Path $Path -Root $env:HVSIM_ROOT
}

function Test-LocksEnforced {
    <#
    .SYNOPSIS
    Whether chattr-based locks work here (root on a filesystem with the immutable attribute). Lock tests are
    skipped, visibly, where they cannot be enforced.
    #>
    $probe = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-probe-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType File -Path $probe
    $chattr = Get-Command -Name chattr -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    $works = $false
    try {
        if ($chattr) {
            & $chattr.Source '+i' '--' $probe 2>$null
            if ($LASTEXITCODE -eq 0) {
                $works = $true
                & $chattr.Source '-i' '--' $probe 2>$null
            }
        }
    }
    finally {
        Remove-Item -LiteralPath $probe -Force
    }
    $works
}

function Get-TestPwsh {
    <#
    .SYNOPSIS
    The pwsh executable running these tests, to start child processes with (under a .NET tool shim the
    current process is 'dotnet', so its path is no use).
    #>
    $candidate = Join-Path -Path $PSHOME -ChildPath 'pwsh'
    if (Test-Path -LiteralPath $candidate -PathType Leaf) {
        return $candidate
    }
    (Get-Command -Name pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Remove-TestHost {
    <#
    .SYNOPSIS
    Removes a test sandbox and, when HVSIM_ROOT points at it, unsets HVSIM_ROOT so no later test meets a
    dangling host.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    Remove-SimSandbox -Path $Path
    if ($env:HVSIM_ROOT -eq $Path) {
        Remove-Item -LiteralPath 'env:HVSIM_ROOT'
    }
}
