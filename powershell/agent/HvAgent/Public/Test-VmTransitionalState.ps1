function Test-VmTransitionalState {
    <#
    .SYNOPSIS
    True for the states a VM passes through on its own (Starting, Stopping, Saving...): wait for them to settle.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $BaseState
    )
    $transitional = @('Starting', 'Stopping', 'Saving', 'Pausing', 'Resuming', 'Reset', 'FastSaving',
        'ForceShutdown', 'ForceReboot', 'ComponentServicing')
    return ($transitional -contains $BaseState)
}
