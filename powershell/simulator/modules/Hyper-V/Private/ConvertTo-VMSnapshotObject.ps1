function ConvertTo-VMSnapshotObject {
    <#
    .SYNOPSIS
    A Microsoft.HyperV.PowerShell.VMSnapshot-shaped object for a checkpoint record of a VM.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [hashtable] $Snapshot
    )
    $parent = $null
    if ($Snapshot.parentSnapshotId) {
        $parent = @($VM.snapshots) | Where-Object -FilterScript { $_.id -eq $Snapshot.parentSnapshotId } | Select-Object -First 1
    }
    $dvdLocation = 0
    [pscustomobject]@{
        PSTypeName           = 'Microsoft.HyperV.PowerShell.VMSnapshot'
        Id                   = [guid] $Snapshot.id
        Name                 = $Snapshot.name
        VMId                 = [guid] $VM.id
        VMName               = $VM.name
        ComputerName         = $VM.computerName
        ParentSnapshotId     = $(if ($Snapshot.parentSnapshotId) { [guid] $Snapshot.parentSnapshotId } else { $null })
        ParentSnapshotName   = $(if ($parent) { $parent.name } else { $null })
        CreationTime         = $(if ($Snapshot.createdAt) { (ConvertTo-SimTime -Value $Snapshot.createdAt).ToLocalTime() } else { [datetime]::MinValue })
        SnapshotType         = [SnapshotType]::Standard
        State                = [VMState]::Off
        Path                 = $VM.snapshotFileLocation
        ConfigurationLocation = $VM.snapshotFileLocation
        Generation           = [int] $VM.generation
        IsDeleted            = $false
        HardDrives           = @(@($Snapshot.hardDrives) | Where-Object -FilterScript { $_ } | ForEach-Object -Process { ConvertTo-VMDriveObject -Kind HardDrive -VM $VM -Drive $_ -Snapshot $Snapshot })
        DVDDrives            = @(@($Snapshot.dvdDrives) | Where-Object -FilterScript { $_ } | ForEach-Object -Process {
                $drive = @{ controllerType = $(if ($VM.generation -eq 1) { 'IDE' } else { 'SCSI' }); controllerNumber = $(if ($VM.generation -eq 1) { 1 } else { 0 }); controllerLocation = $dvdLocation; path = $_ }
                $dvdLocation++
                ConvertTo-VMDriveObject -Kind DvdDrive -VM $VM -Drive $drive -Snapshot $Snapshot
            })
    }
}
