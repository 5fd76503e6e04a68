function ConvertTo-DvdDriveObject {
    <#
    .SYNOPSIS
    A Microsoft.HyperV.PowerShell.DvdDrive-shaped object for a DVD drive of a VM (or the ISO of a checkpoint,
    which only records the path).
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
        PSTypeName         = 'Microsoft.HyperV.PowerShell.DvdDrive'
        Name               = "DVD Drive on $type controller number $($Drive.controllerNumber) at location $($Drive.controllerLocation)"
        Id                 = "Microsoft:$(([string] $VM.id).ToUpperInvariant())\$type\$($Drive.controllerNumber)\$($Drive.controllerLocation)\DVD"
        VMId               = [guid] $VM.id
        VMName             = $VM.name
        VMSnapshotId       = $(if ($Snapshot) { [guid] $Snapshot.id } else { [guid]::Empty })
        VMSnapshotName     = $(if ($Snapshot) { $Snapshot.name } else { '' })
        ComputerName       = $VM.computerName
        ControllerType     = $type
        ControllerNumber   = [int] $Drive.controllerNumber
        ControllerLocation = [int] $Drive.controllerLocation
        DvdMediaType       = $(if ($Drive.path) { [DvdMediaType]::ISO } else { [DvdMediaType]::None })
        Path               = $Drive.path
        IsDeleted          = $false
    }
}
