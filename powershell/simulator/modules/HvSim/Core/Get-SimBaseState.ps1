function Get-SimBaseState {
    <#
    .SYNOPSIS
    The state a *Critical state behaves like: RunningCritical -> Running, OffCritical -> Off.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Name
    )
    if ($Name.EndsWith('Critical')) {
        return $Name.Substring(0, $Name.Length - 'Critical'.Length)
    }
    $Name
}
