function Resolve-VMDriveSource {
    <#
    .SYNOPSIS
    Inside a transaction: where Get-VMHardDiskDrive / Get-VMDvdDrive read drives from, one entry per VM or
    checkpoint: @{ VM = <record>; Snapshot = <record or $null>; Drives = <drive records> }.
    A checkpoint's DVD drives are rebuilt from the ISO paths it recorded.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [ValidateSet('HardDrive', 'DvdDrive')]
        [string] $Kind,

        [object[]] $VM,

        [string[]] $VMName,

        [string[]] $ComputerName,

        [object] $VMSnapshot
    )
    if ($VMSnapshot) {
        $record = Find-SimVM -State $State -Id $VMSnapshot.VMId -AnyNode
        $checkpoint = if ($record) { @($record.snapshots) | Where-Object -FilterScript { [guid] $_.id -eq [guid] $VMSnapshot.Id } | Select-Object -First 1 }
        if (-not $checkpoint) {
            $message = "Hyper-V was unable to find a checkpoint with ID `"$($VMSnapshot.Id)`"."
            $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $VMSnapshot))
            return
        }
        if ($Kind -eq 'HardDrive') {
            return @{ VM = $record; Snapshot = $checkpoint; Drives = @($checkpoint.hardDrives | Where-Object -FilterScript { $_ }) }
        }
        $location = 0
        $drives = foreach ($path in @($checkpoint.dvdDrives | Where-Object -FilterScript { $_ })) {
            @{ controllerType = $(if ($record.generation -eq 1) { 'IDE' } else { 'SCSI' }); controllerNumber = $(if ($record.generation -eq 1) { 1 } else { 0 }); controllerLocation = $location; path = $path }
            $location++
        }
        return @{ VM = $record; Snapshot = $checkpoint; Drives = @($drives) }
    }
    foreach ($record in Resolve-VMRecord -State $State -Result $Result -CommandName $CommandName -VM $VM -Name $VMName -ComputerName $ComputerName) {
        $drives = if ($Kind -eq 'HardDrive') { $record.hardDrives } else { $record.dvdDrives }
        @{ VM = $record; Snapshot = $null; Drives = @($drives | Where-Object -FilterScript { $_ }) }
    }
}
