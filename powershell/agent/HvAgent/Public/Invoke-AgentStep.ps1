function Invoke-AgentStep {
    <#
    .SYNOPSIS
    Runs one named step: emits `started`, runs the action, then `succeeded`, `skipped` or `failed`.
    .DESCRIPTION
    The action returns a New-StepOutcome (any other output is ignored). A failure is logged, emitted as a failed
    step with the error's message, tagged with the step id and rethrown, so the entry script reports where it
    failed. While this process holds the host lock, each step start refreshes the lock's expiry.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Id,
        [Parameter(Mandatory = $true)] [string] $Name,
        [Parameter(Mandatory = $true)] [scriptblock] $Action
    )
    if ($null -ne $script:HeldHostLock) {
        Update-HostLock
    }
    Write-AgentLog -Message ('== ' + $Name)
    Write-AgentEvent -Type 'step' -Fields ([ordered]@{ id = $Id; name = $Name; status = 'started'; detail = '' })
    try {
        $output = @(& $Action)
    } catch {
        $exception = $_.Exception
        if ($null -ne $exception.Data -and -not $exception.Data.Contains('hvagent_step')) {
            $exception.Data['hvagent_step'] = $Id
        }
        Write-AgentLog -Message ('FAILED: ' + $exception.Message)
        Write-AgentEvent -Type 'step' -Fields ([ordered]@{ id = $Id; name = $Name; status = 'failed'; detail = $exception.Message })
        throw
    }
    $outcome = $null
    foreach ($item in $output) {
        if ($null -ne $item -and $item.PSObject.TypeNames -contains 'HvAgent.StepOutcome') {
            $outcome = $item
        }
    }
    $status = 'succeeded'
    $detail = ''
    if ($null -ne $outcome) {
        $detail = $outcome.Detail
        if ($outcome.Skipped) {
            $status = 'skipped'
        }
    }
    if ($detail -ne '') {
        Write-AgentLog -Message ($status + ': ' + $detail)
    }
    Write-AgentEvent -Type 'step' -Fields ([ordered]@{ id = $Id; name = $Name; status = $status; detail = $detail })
}
