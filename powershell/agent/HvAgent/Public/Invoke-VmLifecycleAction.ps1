function Invoke-VmLifecycleAction {
    <#
    .SYNOPSIS
    Carries out a lifecycle action on a VM and verifies it reached the target state (bounded wait).
    .DESCRIPTION
    States the VM passes through on its own are waited out first. Every cmdlet gets the VM object. A graceful
    shut down is asked without -Force, so a guest without its shutdown service fails with Hyper-V's own message
    instead of being turned off silently. Returns the step outcome.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId,
        [Parameter(Mandatory = $true)] [ValidateSet('start', 'shutdown', 'turnoff', 'save')] [string] $Action,
        [Parameter(Mandatory = $true)] [double] $TimeoutSeconds
    )
    $vm = Wait-VmSettled -VmId $VmId -TimeoutSeconds $TimeoutSeconds
    if ($null -eq $vm) {
        throw (New-AgentError -Code 'vm_not_found' -Object $VmId -Message ('this host has no VM with id ' + $VmId))
    }
    $state = Get-VmStateName -State $vm.State
    $transition = Get-LifecycleTransition -Action $Action -State $state
    if ($transition.Already) {
        Write-AgentWarning -Message ("VM '" + $vm.Name + "' is already " + $state)
        return New-StepOutcome -Skipped -Detail ('already ' + $state)
    }
    if (-not $transition.Possible) {
        throw (New-AgentError -Code 'invalid_transition' -Object ([string] $vm.Name) -Message ("VM '" + $vm.Name + "': " + $transition.Reason))
    }
    try {
        switch ($Action) {
            'start' { Hyper-V\Start-VM -VM $vm -ErrorAction Stop }
            'shutdown' { Hyper-V\Stop-VM -VM $vm -Confirm:$false -ErrorAction Stop }
            'turnoff' { Hyper-V\Stop-VM -VM $vm -TurnOff -Force -Confirm:$false -ErrorAction Stop }
            'save' { Hyper-V\Save-VM -VM $vm -ErrorAction Stop }
        }
    } catch {
        throw (New-AgentError -Code 'host_error' -Object ([string] $vm.Name) -Message ("could not " + $Action + " VM '" + $vm.Name + "': " + $_.Exception.Message))
    }
    $after = Wait-VmState -VmId $VmId -State $transition.Target -TimeoutSeconds $TimeoutSeconds
    return New-StepOutcome -Detail ($state + ' -> ' + (Get-VmStateName -State $after.State))
}
