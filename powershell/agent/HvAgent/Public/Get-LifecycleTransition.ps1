function Get-LifecycleTransition {
    <#
    .SYNOPSIS
    What a lifecycle action means from a VM state (ignoring a Critical suffix): the target state, whether the VM
    is already there, and whether the action is possible at all (with the reason when it is not).
    .DESCRIPTION
    start: from Off, Saved or Paused. shutdown (through the guest): from Running only. turnoff: from Running,
    Paused or Saved. save: from Running or Paused. A VM already in the target state needs nothing (a warning).
    Pure logic; the table follows Hyper-V's own rules (HYPERV-NOTES.md).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [ValidateSet('start', 'shutdown', 'turnoff', 'save')] [string] $Action,
        [Parameter(Mandatory = $true)] [string] $State
    )
    $table = @{
        start    = @{ Target = 'Running'; From = @('Off', 'Saved', 'Paused'); Verb = 'start' }
        shutdown = @{ Target = 'Off'; From = @('Running'); Verb = 'shut down' }
        turnoff  = @{ Target = 'Off'; From = @('Running', 'Paused', 'Saved'); Verb = 'turn off' }
        save     = @{ Target = 'Saved'; From = @('Running', 'Paused'); Verb = 'save' }
    }
    $rule = $table[$Action]
    $base = Get-VmStateName -State $State -Base
    $already = ($base -eq $rule.Target)
    $possible = ($rule.From -contains $base)
    $reason = $null
    if (-not $already -and -not $possible) {
        $reason = 'cannot ' + $rule.Verb + ' a VM that is ' + $State + ' (' + $rule.Verb + ' works from ' + ($rule.From -join ', ') + ')'
    }
    return [pscustomobject]@{
        Action   = $Action
        Target   = $rule.Target
        Already  = $already
        Possible = ($already -or $possible)
        Reason   = $reason
    }
}
