function Set-SimBehaviour {
    <#
    .SYNOPSIS
    Sets the simulated host's delays: how long released files stay locked, how long a checkpoint merge takes,
    how long Starting/Stopping/Saving last. Tests use small values.
    .EXAMPLE
    Set-SimBehaviour -ReleaseDelayMs 200 -MergeDelayMs 300 -TransitionDelayMs 100
    #>
    [CmdletBinding()]
    param(
        [ValidateRange(0, 600000)]
        [int] $ReleaseDelayMs = -1,

        [ValidateRange(0, 600000)]
        [int] $MergeDelayMs = -1,

        [ValidateRange(0, 600000)]
        [int] $TransitionDelayMs = -1
    )
    $values = @{}
    foreach ($name in 'ReleaseDelayMs', 'MergeDelayMs', 'TransitionDelayMs') {
        if ($PSBoundParameters.ContainsKey($name)) {
            $values[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $PSBoundParameters[$name]
        }
    }
    Invoke-SimTransaction -ArgumentList @(, $values) -ScriptBlock {
        param($State, $Values)
        foreach ($key in $Values.Keys) {
            $State.behaviour[$key] = $Values[$key]
        }
    }
}
