function Assert-DeletePowerState {
    <#
    .SYNOPSIS
    Refuses a delete of a VM that is not Off unless force is set (S7); in plan mode only warns.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job,
        [Parameter(Mandatory = $true)] [string] $State
    )
    $base = Get-VmStateName -State $State -Base
    if ($base -eq 'Off' -or $Job.Payload.force) {
        return
    }
    $message = "VM '" + $Job.Payload.vm_name + "' is " + $State + ': deleting it needs force (it will be turned off first)'
    if ($Job.Execute) {
        throw (New-AgentError -Code 'needs_force' -Object $Job.Payload.vm_id -Message $message)
    }
    Write-AgentWarning -Message $message
}
