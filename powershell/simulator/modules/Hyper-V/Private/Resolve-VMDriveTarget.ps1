function Resolve-VMDriveTarget {
    <#
    .SYNOPSIS
    Inside a transaction: the drives Remove-VMHardDiskDrive, Set-VMDvdDrive and Remove-VMDvdDrive act on,
    from drive objects or from -VMName and a controller position, as plain targets
    @{ VMId; VMName; ControllerType; ControllerNumber; ControllerLocation; Path; Label }. Faults fire here.
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

        [object[]] $Drive,

        [string] $VMName,

        [string[]] $ComputerName,

        [string] $ControllerType,

        [object] $ControllerNumber,

        [object] $ControllerLocation
    )
    $found = [System.Collections.Generic.List[object]]::new()
    if ($Drive) {
        foreach ($object in $Drive) {
            if ($object.VMSnapshotId -and [guid] $object.VMSnapshotId -ne [guid]::Empty) {
                $message = "The drive '$($object.Name)' belongs to checkpoint '$($object.VMSnapshotName)' of '$($object.VMName)'; a checkpoint cannot be modified."
                $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName $CommandName -TargetObject $object -ExceptionKind Argument))
                continue
            }
            $found.Add(@{ VMId = [string] $object.VMId; VMName = $object.VMName; ControllerType = [string] $object.ControllerType; ControllerNumber = [int] $object.ControllerNumber; ControllerLocation = [int] $object.ControllerLocation; Path = $object.Path })
        }
    }
    else {
        foreach ($record in Resolve-VMRecord -State $State -Result $Result -CommandName $CommandName -Name $VMName -ComputerName $ComputerName) {
            $drives = if ($Kind -eq 'HardDrive') { $record.hardDrives } else { $record.dvdDrives }
            $matched = @($drives | Where-Object -FilterScript {
                    $_ -and (-not $ControllerType -or $_.controllerType -ieq $ControllerType) -and
                    ($null -eq $ControllerNumber -or $_.controllerNumber -eq $ControllerNumber) -and
                    ($null -eq $ControllerLocation -or $_.controllerLocation -eq $ControllerLocation)
                })
            if ($matched.Count -eq 0) {
                $what = if ($Kind -eq 'HardDrive') { 'hard disk drive' } else { 'DVD drive' }
                $message = "Hyper-V was unable to find a $what at controller $ControllerNumber, location $ControllerLocation of virtual machine '$($record.name)'."
                $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $record.name))
            }
            foreach ($drive in $matched) {
                $found.Add(@{ VMId = $record.id; VMName = $record.name; ControllerType = $drive.controllerType; ControllerNumber = [int] $drive.controllerNumber; ControllerLocation = [int] $drive.controllerLocation; Path = $drive.path })
            }
        }
    }
    foreach ($target in $found) {
        $target.Label = "$($target.VMName) ($($target.ControllerType) $($target.ControllerNumber):$($target.ControllerLocation) $($target.Path))"
        if (-not (Test-SimObjectFault -State $State -Result $Result -CommandName $CommandName -Candidates @($target.VMId, $target.VMName, $target.Path) -TargetObject $target.Path)) {
            $target
        }
    }
}
