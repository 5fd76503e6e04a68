function Stop-VmForDelete {
    <#
    .SYNOPSIS
    The power step (S7): with force, turns off a Running, Paused, Saved, Starting or Stopping VM (and their
    Critical variants) and verifies it is Off; without force such a VM is refused.
    .DESCRIPTION
    States the VM passes through on its own are waited out first (bounded). Stop-VM -TurnOff gets the VM object
    and -Force, and discards a saved state.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    if ($null -eq $Job.Vm) {
        return New-StepOutcome -Skipped -Detail 'the VM is already unregistered'
    }
    $timeout = [double] $Job.Options.state_timeout_seconds
    $vm = Wait-VmSettled -VmId $Job.Payload.vm_id -TimeoutSeconds $timeout
    if ($null -eq $vm) {
        throw (New-AgentError -Code 'vm_not_found' -Object $Job.Payload.vm_id -Message ("VM '" + $Job.Payload.vm_name + "' disappeared while the job ran"))
    }
    $Job.Vm = $vm
    $state = Get-VmStateName -State $vm.State
    $base = Get-VmStateName -State $state -Base
    if ($base -eq 'Off') {
        return New-StepOutcome -Skipped -Detail ('the VM is already ' + $state)
    }
    Assert-DeletePowerState -Job $Job -State $state
    Write-AgentLog -Message ("turning off VM '" + $vm.Name + "' (" + $state + ')')
    try {
        Hyper-V\Stop-VM -VM $vm -TurnOff -Force -Confirm:$false -ErrorAction Stop
    } catch {
        throw (New-AgentError -Code 'host_error' -Object ([string] $vm.Name) -Message ("could not turn off VM '" + $vm.Name + "': " + $_.Exception.Message))
    }
    $Job.Vm = Wait-VmState -VmId $Job.Payload.vm_id -State 'Off' -TimeoutSeconds $timeout
    return New-StepOutcome -Detail ('turned off (was ' + $state + ')')
}
