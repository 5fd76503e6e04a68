function Save-VM {
    <#
    .SYNOPSIS
    (Simulated) Saves a virtual machine (Running or Paused -> Saved; through Saving for transitionDelayMs).
    .DESCRIPTION
    Already in the target state: a warning. Any other state not allowed by HYPERV-NOTES.md: an InvalidState
    error. -Passthru returns the virtual machine.
    .EXAMPLE
    Hyper-V\Save-VM -Name web01
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Name', Position = 0, ValueFromPipeline)]
        [Alias('VMName')]
        [string[]] $Name,

        [Parameter(ParameterSetName = 'Name')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [switch] $Passthru
    )
    process {
        Invoke-VMPowerCommand -Cmdlet $PSCmdlet -CommandName 'Save-VM' -Action 'Save' -VM $VM -Name $Name -ComputerName $ComputerName -Passthru:$Passthru
    }
}
