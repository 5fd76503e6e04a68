function Remove-VMDvdDrive {
    <#
    .SYNOPSIS
    (Simulated) Removes a DVD drive from a virtual machine.
    .DESCRIPTION
    The ISO file stays and remains locked for releaseDelayMs. An IDE drive cannot be removed while the VM runs.
    .EXAMPLE
    Hyper-V\Get-VMDvdDrive -VM $vm | Hyper-V\Remove-VMDvdDrive
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0)]
        [string] $VMName,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 1)]
        [int] $ControllerNumber,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 2)]
        [int] $ControllerLocation,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMDvdDrive', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.DvdDrive')]
        [object[]] $VMDvdDrive,

        [switch] $Passthru
    )
    process {
        $position = @{ ControllerNumber = $null; ControllerLocation = $null }
        if ($PSCmdlet.ParameterSetName -eq 'VMName') {
            $position.ControllerNumber = $ControllerNumber
            $position.ControllerLocation = $ControllerLocation
        }
        Remove-VMDriveRecord -Cmdlet $PSCmdlet -Kind 'DvdDrive' -Drive $VMDvdDrive -VMName $VMName -ComputerName $ComputerName -Position $position -Passthru:$Passthru
    }
}
