function Wait-VmState {
    <#
    .SYNOPSIS
    Verifies a state change: waits (bounded) until the VM's state (ignoring a Critical suffix) is the wanted one.
    A VM that does not get there in time is a terminating error naming it and the state it stayed in.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId,
        [Parameter(Mandatory = $true)] [string] $State,
        [Parameter(Mandatory = $true)] [double] $TimeoutSeconds
    )
    $holder = @{ Vm = $null }
    $reached = Wait-AgentCondition -TimeoutSeconds $TimeoutSeconds -Condition {
        $holder.Vm = Get-AgentVm -Id $VmId
        return ($null -ne $holder.Vm -and (Get-VmStateName -State $holder.Vm.State -Base) -eq $State)
    }
    if (-not $reached) {
        $name = $VmId
        $now = 'absent'
        if ($null -ne $holder.Vm) { $name = [string] $holder.Vm.Name; $now = Get-VmStateName -State $holder.Vm.State }
        throw (New-AgentError -Code 'verify_failed' -Object $name -Message ("VM '" + $name + "' is " + $now + ', not ' + $State + ', ' + $TimeoutSeconds + ' s after the change'))
    }
    return $holder.Vm
}
