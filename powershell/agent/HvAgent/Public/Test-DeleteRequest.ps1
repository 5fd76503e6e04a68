function Test-DeleteRequest {
    <#
    .SYNOPSIS
    The validate step of a delete: finds the VM by id, checks its name (S1) and its power state against force
    (S7), all before any change. Returns the step outcome.
    .DESCRIPTION
    A VM that is gone is still valid when a previous run saved its plan (S9: the re-run finishes the work); the
    name is then checked against the saved record. In plan mode a VM that needs force is reported in the plan
    (requires_force) instead of refused, so the confirmation dialog can show it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    Import-HyperVModule
    $payload = $Job.Payload
    $Job.Vm = Get-AgentVm -Id $payload.vm_id
    $Job.Saved = Read-SavedDeletePlan -VmId $payload.vm_id
    if ($null -eq $Job.Vm -and $null -eq $Job.Saved) {
        throw (New-AgentError -Code 'vm_not_found' -Object $payload.vm_id -Message ('this host has no VM with id ' + $payload.vm_id))
    }
    $name = $null
    if ($null -ne $Job.Vm) { $name = [string] $Job.Vm.Name } else { $name = [string] $Job.Saved.vm.Name }
    if (-not [string]::Equals($name, $payload.vm_name, [System.StringComparison]::Ordinal)) {
        throw (New-AgentError -Code 'identity_mismatch' -Object $payload.vm_id -Message ("VM " + $payload.vm_id + " is named '" + $name + "', not '" + $payload.vm_name + "': refusing to delete"))
    }
    if ($null -eq $Job.Vm) {
        return New-StepOutcome -Detail ("VM '" + $name + "' is already unregistered; finishing the saved plan of job " + $Job.Saved.job_id)
    }
    $state = Get-VmStateName -State $Job.Vm.State
    Assert-DeletePowerState -Job $Job -State $state
    return New-StepOutcome -Detail ("VM '" + $name + "' (" + $payload.vm_id + ') is ' + $state)
}
