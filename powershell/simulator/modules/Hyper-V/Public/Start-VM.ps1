function Start-VM {
    <#
    .SYNOPSIS
    (Simulated) Starts a virtual machine (Off, Saved or Paused -> Running; through Starting for transitionDelayMs).
    .DESCRIPTION
    Already in the target state: a warning. Any other state not allowed by HYPERV-NOTES.md: an InvalidState
    error. -Passthru returns the virtual machine.
    .EXAMPLE
    Hyper-V\Start-VM -Name web01
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
        Invoke-VMPowerCommand -Cmdlet $PSCmdlet -CommandName 'Start-VM' -Action 'Start' -VM $VM -Name $Name -ComputerName $ComputerName -Passthru:$Passthru
    }
}
