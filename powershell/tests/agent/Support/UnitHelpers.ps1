# Helpers for the agent's unit tests (pure logic, no simulator): dot-source from a test file's BeforeAll.

$script:RepoPowerShell = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../..')).ProviderPath
$script:AgentRoot = Join-Path -Path $script:RepoPowerShell -ChildPath 'agent'

function Import-AgentModule {
    # The module under test, fresh (module state such as the job id starts empty).
    Import-Module -Name (Join-Path -Path $script:AgentRoot -ChildPath 'HvAgent/HvAgent.psd1') -Force -Global
}

function New-TestVmRecord {
    # An in-memory VM record shaped like ConvertTo-VmRecord's output. Disks and ISOs are paths; -Checkpoints
    # takes hashtables @{ Id; Name; ParentId; DiskPaths; IsoPaths }; -PassThroughDisk adds a physical disk.
    param(
        [string] $Id = ([guid]::NewGuid().ToString()),
        [string] $Name = 'web01',
        [string] $State = 'Off',
        [string] $Path = 'C:\VMs\web01',
        [string] $SnapshotPath = $null,
        [string] $SmartPagingPath = $null,
        [string[]] $Disks = @(),
        [string[]] $Isos = @(),
        [hashtable[]] $Checkpoints = @(),
        [long[]] $PassThroughDisk = @(),
        [bool] $Present = $true
    )
    if (-not $SnapshotPath) { $SnapshotPath = $Path }
    if (-not $SmartPagingPath) { $SmartPagingPath = $Path }
    $location = 0
    $hardDrives = @()
    foreach ($disk in $Disks) {
        $hardDrives += [pscustomobject]@{ ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = $location; Path = $disk; DiskNumber = $null }
        $location++
    }
    foreach ($number in $PassThroughDisk) {
        $hardDrives += [pscustomobject]@{ ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = $location; Path = $null; DiskNumber = $number }
        $location++
    }
    $dvdDrives = @()
    foreach ($iso in $Isos) {
        $dvdDrives += [pscustomobject]@{ ControllerType = 'SCSI'; ControllerNumber = 1; ControllerLocation = $dvdDrives.Count; Path = $iso; DiskNumber = $null }
    }
    $checkpointRecords = @()
    foreach ($checkpoint in $Checkpoints) {
        $checkpointRecords += [pscustomobject]@{
            Id = $checkpoint['Id']; Name = $checkpoint['Name']; ParentId = $checkpoint['ParentId']; Created = '2024-01-01T00:00:00Z'
            DiskPaths = @($checkpoint['DiskPaths'] | Where-Object { $_ }); IsoPaths = @($checkpoint['IsoPaths'] | Where-Object { $_ })
        }
    }
    [pscustomobject]@{
        Id = $Id.ToLowerInvariant(); Name = $Name; State = $State; Status = 'Operating normally'; ComputerName = 'HV01'
        IsClustered = $false; Present = $Present; Path = $Path; SnapshotPath = $SnapshotPath; SmartPagingPath = $SmartPagingPath
        HardDrives = $hardDrives; DvdDrives = $dvdDrives; Checkpoints = $checkpointRecords
        FormerDiskPaths = @(); FormerIsoPaths = @(); FormerCheckpointIds = @()
    }
}

function New-TestChainMap {
    # A chain map from 'child' = 'parent' pairs (parent $null for a base disk).
    param([hashtable] $Links)
    $map = @{}
    foreach ($child in $Links.Keys) {
        $map[(Get-WindowsPathKey -Path $child)] = [pscustomobject]@{
            Path = $child; ParentPath = $Links[$child]; VhdType = 'Dynamic'; Size = 1; FileSize = 1; Exists = $true; Readable = $true; Error = $null
        }
    }
    $map
}

function New-TestHostFacts {
    param([string[]] $CsvRoots = @())
    [pscustomobject]@{
        ComputerName = 'HV01'; VirtualMachinePath = 'C:\ProgramData\Microsoft\Windows\Hyper-V'
        VirtualHardDiskPath = 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks'; ClusterModule = $false
        ClusterName = $null; ClusterNodes = @(); CsvRoots = $CsvRoots; ClusterError = $null
    }
}

function Invoke-TestPlan {
    # Runs the pure plan pipeline on in-memory data: -Files are existing file paths (size 100 each), -Folders
    # existing folders; every folder given is fully listed. Returns the plan document.
    param(
        [Parameter(Mandatory)] [psobject] $Target,
        [object[]] $Others = @(),
        [hashtable] $Chains = @{},
        [string[]] $Files = @(),
        [string[]] $Folders = @(),
        [psobject] $HostFacts = (New-TestHostFacts)
    )
    $index = New-VmReferenceIndex -Vms $Others -Chains $Chains
    $protected = @(Get-ProtectedRoots -HostFacts $HostFacts)
    $scope = Get-DeletePlanScope -Target $Target -Chains $Chains -Index $index -ProtectedRoots $protected
    $entries = @()
    foreach ($file in $Files) { $entries += [pscustomobject]@{ Path = $file; IsDirectory = $false; Size = 100 } }
    foreach ($folder in $Folders) { $entries += [pscustomobject]@{ Path = $folder; IsDirectory = $true } }
    $view = New-FileSystemView -Entries $entries -ListedFolders $Folders
    New-DeletePlan -Target $Target -Scope $scope -Index $index -FileSystem $view -ProtectedRoots $protected
}

function Get-PlanPaths {
    # The paths of a plan list (files_to_delete, files_to_keep...), sorted, for comparisons.
    param([object[]] $Items)
    @($Items | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.path } } | Sort-Object)
}
