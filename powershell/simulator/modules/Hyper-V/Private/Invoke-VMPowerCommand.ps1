function Invoke-VMPowerCommand {
    <#
    .SYNOPSIS
    The body of Start-VM, Stop-VM, Save-VM, Suspend-VM, Resume-VM and Remove-VMSavedState: resolve the VMs,
    apply faults, ask ShouldProcess, then change each VM's state in its own transaction, warning when it is
    already there and writing InvalidState when the action is not allowed from its state.
    .PARAMETER Force
    For ShutDown: turn the VM off when the guest's shutdown service is unavailable (Stop-VM -Force).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [ValidateSet('Start', 'ShutDown', 'TurnOff', 'Save', 'Suspend', 'Resume', 'RemoveSavedState')]
        [string] $Action,

        [object[]] $VM,

        [string[]] $Name,

        [string[]] $ComputerName,

        [switch] $Passthru,

        [switch] $Force
    )
    $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
        param($State)
        $result = New-SimResult
        $targets = foreach ($record in Resolve-VMRecord -State $State -Result $result -CommandName $CommandName -VM $VM -Name $Name -ComputerName $ComputerName) {
            if (-not (Test-SimObjectFault -State $State -Result $result -CommandName $CommandName -Candidates @($record.id, $record.name) -TargetObject $record.name)) {
                @{ Id = $record.id; Name = $record.name }
            }
        }
        @{ Result = $result; Targets = @($targets) }
    }
    Write-SimResult -Cmdlet $Cmdlet -Result $plan.Result
    foreach ($target in $plan.Targets) {
        if (-not $Cmdlet.ShouldProcess($target.Name, $CommandName)) {
            continue
        }
        $result = Invoke-SimTransaction -ScriptBlock {
            param($State)
            $result = New-SimResult
            $record = Find-SimVM -State $State -Id $target.Id -AnyNode
            if (-not $record) {
                $message = "Hyper-V was unable to find a virtual machine with ID `"$($target.Id)`"."
                $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $target.Name))
                return $result
            }
            $outcome = Set-SimVMPower -State $State -VM $record -Action $Action
            if ($outcome -eq 'NoShutdownService') {
                if ($Force) {
                    $outcome = Set-SimVMPower -State $State -VM $record -Action 'TurnOff'
                }
                else {
                    $message = "'$($record.name)' failed to shut down: the shutdown integration service of the virtual machine is not available. Use -Force to turn it off, or -TurnOff."
                    $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'OperationFailed' -Category InvalidOperation -CommandName $CommandName -TargetObject $record.name))
                    return $result
                }
            }
            if ($outcome -eq 'AlreadyInState') {
                $result.Warnings.Add('The virtual machine is already in the specified state.')
            }
            elseif ($outcome -eq 'InvalidState') {
                $message = "'$($record.name)' failed to change state. The operation cannot be performed while the object is in its current state."
                $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidState' -Category InvalidOperation -CommandName $CommandName -TargetObject $record.name))
                return $result
            }
            if ($Passthru) {
                $result.Output.Add((ConvertTo-VMObject -State $State -VM $record))
            }
            $result
        }
        Write-SimResult -Cmdlet $Cmdlet -Result $result
    }
}
