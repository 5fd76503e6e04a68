function ConvertTo-HardDiskDriveObject {
    <#
    .SYNOPSIS
    A Microsoft.HyperV.PowerShell.HardDiskDrive-shaped object for a drive of a VM or of one of its checkpoints.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [hashtable] $Drive,

        [hashtable] $Snapshot
    )
    $type = [ControllerType] $Drive.controllerType
    [pscustomobject]@{
        PSTypeName         = 'Microsoft.HyperV.PowerShell.HardDiskDrive'
        Name               = "Hard Drive on $type controller number $($Drive.controllerNumber) at location $($Drive.controllerLocation)"
        Id                 = "Microsoft:$(([string] $VM.id).ToUpperInvariant())\$type\$($Drive.controllerNumber)\$($Drive.controllerLocation)\D"
        VMId               = [guid] $VM.id
        VMName             = $VM.name
        VMSnapshotId       = $(if ($Snapshot) { [guid] $Snapshot.id } else { [guid]::Empty })
        VMSnapshotName     = $(if ($Snapshot) { $Snapshot.name } else { '' })
        ComputerName       = $VM.computerName
        ControllerType     = $type
        ControllerNumber   = [int] $Drive.controllerNumber
        ControllerLocation = [int] $Drive.controllerLocation
        Path               = $Drive.path
        DiskNumber         = $Drive.diskNumber
        IsDeleted          = $false
    }
}
