function Stop-VM {
    <#
    .SYNOPSIS
    (Simulated) Shuts down, turns off, or saves a virtual machine.
    .DESCRIPTION
    Graceful shutdown (no switch) works from Running only, needs the guest's shutdown service, and goes
    through Stopping for transitionDelayMs; without the service it fails unless -Force, which then turns the
    VM off. -TurnOff works from Running, Paused and Saved, at once. -Save is Save-VM. Already Off (or Saved
    with -Save): a warning; any other state: an InvalidState error.
    .EXAMPLE
    Hyper-V\Stop-VM -VM $vm -TurnOff -Force
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

        [switch] $Save,

        [switch] $TurnOff,

        [switch] $Force,

        [switch] $Passthru
    )
    process {
        $action = 'ShutDown'
        if ($TurnOff) {
            $action = 'TurnOff'
        }
        elseif ($Save) {
            $action = 'Save'
        }
        Invoke-VMPowerCommand -Cmdlet $PSCmdlet -CommandName 'Stop-VM' -Action $action -VM $VM -Name $Name -ComputerName $ComputerName -Passthru:$Passthru -Force:$Force
    }
}
