function ConvertTo-VMDriveObject {
    <#
    .SYNOPSIS
    A Microsoft.HyperV.PowerShell.HardDiskDrive- or DvdDrive-shaped object for a drive of a VM or of one of its
    checkpoints (a checkpoint's DVD only records the ISO path).
    .DESCRIPTION
    The two kinds share every property but their type name, the Id suffix and one kind-specific property
    (DiskNumber for a hard drive, DvdMediaType for a DVD drive), as the real objects do.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [ValidateSet('HardDrive', 'DvdDrive')]
        [string] $Kind,

        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [hashtable] $Drive,

        [hashtable] $Snapshot
    )
    $type = [ControllerType] $Drive.controllerType
    $isDvd = $Kind -eq 'DvdDrive'
    $label = $(if ($isDvd) { 'DVD Drive' } else { 'Hard Drive' })
    $idSuffix = $(if ($isDvd) { 'DVD' } else { 'D' })
    $shown = [ordered]@{
        PSTypeName         = $(if ($isDvd) { 'Microsoft.HyperV.PowerShell.DvdDrive' } else { 'Microsoft.HyperV.PowerShell.HardDiskDrive' })
        Name               = "$label on $type controller number $($Drive.controllerNumber) at location $($Drive.controllerLocation)"
        Id                 = "Microsoft:$(([string] $VM.id).ToUpperInvariant())\$type\$($Drive.controllerNumber)\$($Drive.controllerLocation)\$idSuffix"
        VMId               = [guid] $VM.id
        VMName             = $VM.name
        VMSnapshotId       = $(if ($Snapshot) { [guid] $Snapshot.id } else { [guid]::Empty })
        VMSnapshotName     = $(if ($Snapshot) { $Snapshot.name } else { '' })
        ComputerName       = $VM.computerName
        ControllerType     = $type
        ControllerNumber   = [int] $Drive.controllerNumber
        ControllerLocation = [int] $Drive.controllerLocation
    }
    if ($isDvd) {
        $shown.DvdMediaType = $(if ($Drive.path) { [DvdMediaType]::ISO } else { [DvdMediaType]::None })
        $shown.Path = $Drive.path
    } else {
        $shown.Path = $Drive.path
        $shown.DiskNumber = $Drive.diskNumber
    }
    $shown.IsDeleted = $false
    [pscustomobject] $shown
}
