function New-StepOutcome {
    <#
    .SYNOPSIS
    What a step's action returns to Invoke-AgentStep: a detail line, and whether the step was skipped.
    #>
    [CmdletBinding()]
    param(
        [AllowEmptyString()] [string] $Detail = '',
        [switch] $Skipped
    )
    return [pscustomobject]@{
        PSTypeName = 'HvAgent.StepOutcome'
        Detail     = $Detail
        Skipped    = [bool] $Skipped
    }
}
