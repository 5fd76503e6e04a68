function Wait-AgentCondition {
    <#
    .SYNOPSIS
    Polls a condition until it is true or the time bound passes; returns whether it became true.
    .DESCRIPTION
    The condition is checked at least once, even with a zero timeout. Errors inside the condition propagate.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)] [scriptblock] $Condition,
        [Parameter(Mandatory = $true)] [double] $TimeoutSeconds,
        [int] $IntervalMilliseconds = 250
    )
    $deadline = (Get-Date).AddSeconds($TimeoutSeconds)
    while ($true) {
        if (& $Condition) {
            return $true
        }
        if ((Get-Date) -ge $deadline) {
            return $false
        }
        Start-Sleep -Milliseconds $IntervalMilliseconds
    }
}
