function ConvertTo-VmRecord {
    <#
    .SYNOPSIS
    Reads a Hyper-V VM into a plain record (strings, numbers, arrays): the facts the delete plan needs.
    .DESCRIPTION
    Id, Name, State (by name), Status, ComputerName, IsClustered, folders (Path = configuration folder,
    SnapshotPath, SmartPagingPath), HardDrives (controller, Path, DiskNumber for pass-through), DvdDrives, and
    Checkpoints with the disk and ISO paths each one references. Plain data, so the plan is pure logic that unit
    tests can feed directly, and so it can be saved on the host for a re-run (S9).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $Vm
    )
    $hardDrives = @(Hyper-V\Get-VMHardDiskDrive -VM $Vm -ErrorAction Stop | ForEach-Object -Process { ConvertTo-DriveRecord -Drive $_ })
    $dvdDrives = @(Hyper-V\Get-VMDvdDrive -VM $Vm -ErrorAction Stop | ForEach-Object -Process { ConvertTo-DriveRecord -Drive $_ })
    $checkpoints = @()
    foreach ($snapshot in @(Hyper-V\Get-VMSnapshot -VM $Vm -ErrorAction Stop)) {
        $diskPaths = @(Hyper-V\Get-VMHardDiskDrive -VMSnapshot $snapshot -ErrorAction Stop |
                Where-Object -FilterScript { $null -eq $_.DiskNumber -and -not [string]::IsNullOrEmpty($_.Path) } |
                ForEach-Object -Process { [string] $_.Path })
        $isoPaths = @(Hyper-V\Get-VMDvdDrive -VMSnapshot $snapshot -ErrorAction Stop |
                Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_.Path) } |
                ForEach-Object -Process { [string] $_.Path })
        $parentId = $null
        if ($null -ne $snapshot.ParentSnapshotId -and [string] $snapshot.ParentSnapshotId -ne '') {
            $parentId = ([string] $snapshot.ParentSnapshotId).ToLowerInvariant()
        }
        $created = $null
        if ($null -ne $snapshot.CreationTime) {
            $created = ([datetime] $snapshot.CreationTime).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        }
        $checkpoints += [pscustomobject]@{
            Id        = ([string] $snapshot.Id).ToLowerInvariant()
            Name      = [string] $snapshot.Name
            ParentId  = $parentId
            Created   = $created
            DiskPaths = $diskPaths
            IsoPaths  = $isoPaths
        }
    }
    return [pscustomobject]@{
        Id                  = ([string] $Vm.Id).ToLowerInvariant()
        Name                = [string] $Vm.Name
        State               = Get-VmStateName -State $Vm.State
        Status              = [string] $Vm.Status
        ComputerName        = [string] $Vm.ComputerName
        IsClustered         = [bool] $Vm.IsClustered
        Present             = $true
        Path                = [string] $Vm.Path
        SnapshotPath        = [string] $Vm.SnapshotFileLocation
        SmartPagingPath     = [string] $Vm.SmartPagingFilePath
        HardDrives          = $hardDrives
        DvdDrives           = $dvdDrives
        Checkpoints         = $checkpoints
        FormerDiskPaths     = @()
        FormerIsoPaths      = @()
        FormerCheckpointIds = @()
    }
}
