function Remove-VMHardDiskDrive {
    <#
    .SYNOPSIS
    (Simulated) Removes a hard disk drive from a virtual machine's current configuration.
    .DESCRIPTION
    Only the configuration changes: the disk file stays, checkpoints keep referencing their disks, and the
    released file stays locked for releaseDelayMs. An IDE drive cannot be removed while the VM runs.
    .EXAMPLE
    Hyper-V\Get-VMHardDiskDrive -VM $vm | Hyper-V\Remove-VMHardDiskDrive
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0)]
        [string] $VMName,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 1)]
        [ValidateSet('IDE', 'SCSI')]
        [string] $ControllerType,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 2)]
        [int] $ControllerNumber,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 3)]
        [int] $ControllerLocation,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMHardDiskDrive', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.HardDiskDrive')]
        [object[]] $VMHardDiskDrive,

        [switch] $Passthru
    )
    process {
        $position = @{ ControllerType = $ControllerType; ControllerNumber = $null; ControllerLocation = $null }
        if ($PSCmdlet.ParameterSetName -eq 'VMName') {
            $position.ControllerNumber = $ControllerNumber
            $position.ControllerLocation = $ControllerLocation
        }
        Remove-VMDriveRecord -Cmdlet $PSCmdlet -Kind 'HardDrive' -Drive $VMHardDiskDrive -VMName $VMName -ComputerName $ComputerName -Position $position -Passthru:$Passthru
    }
}
