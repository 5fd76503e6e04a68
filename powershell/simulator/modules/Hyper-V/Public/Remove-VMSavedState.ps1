function Remove-VMSavedState {
    <#
    .SYNOPSIS
    (Simulated) Deletes the saved state of a saved virtual machine (Saved -> Off).
    .DESCRIPTION
    Off already: a warning; any other state: an InvalidState error. A checkpoint (-VMSnapshot) holds no saved
    state in the simulator, so it only warns.
    .EXAMPLE
    Hyper-V\Remove-VMSavedState -VM $vm
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0, ValueFromPipeline)]
        [string[]] $VMName,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [Parameter(Mandatory, ParameterSetName = 'VMSnapshot', Position = 0, ValueFromPipeline)]
        [Alias('VMCheckpoint')]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSnapshot')]
        [object] $VMSnapshot
    )
    process {
        if ($PSCmdlet.ParameterSetName -eq 'VMSnapshot') {
            if ($PSCmdlet.ShouldProcess($VMSnapshot.Name, 'Remove-VMSavedState')) {
                $PSCmdlet.WriteWarning('The virtual machine is already in the specified state.')
            }
            return
        }
        Invoke-VMPowerCommand -Cmdlet $PSCmdlet -CommandName 'Remove-VMSavedState' -Action 'RemoveSavedState' -VM $VM -Name $VMName -ComputerName $ComputerName
    }
}
