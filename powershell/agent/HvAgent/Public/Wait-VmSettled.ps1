function Wait-VmSettled {
    <#
    .SYNOPSIS
    Waits (bounded) until a VM leaves the states it passes through on its own (Starting, Stopping, Saving...);
    returns the VM as it is then. A VM that does not settle in time is a terminating error naming it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId,
        [Parameter(Mandatory = $true)] [double] $TimeoutSeconds
    )
    $holder = @{ Vm = $null }
    $settled = Wait-AgentCondition -TimeoutSeconds $TimeoutSeconds -Condition {
        $holder.Vm = Get-AgentVm -Id $VmId
        if ($null -eq $holder.Vm) { return $true }
        return -not (Test-VmTransitionalState -BaseState (Get-VmStateName -State $holder.Vm.State -Base))
    }
    if (-not $settled) {
        throw (New-AgentError -Code 'state_timeout' -Object $holder.Vm.Name -Message ("VM '" + $holder.Vm.Name + "' stayed " + (Get-VmStateName -State $holder.Vm.State) + ' for more than ' + $TimeoutSeconds + ' s'))
    }
    return $holder.Vm
}
