function Test-SimNameMatch {
    <#
    .SYNOPSIS
    Matches a name the way Hyper-V's -Name parameters do: a case-insensitive wildcard pattern, so 'web[01]' is
    a pattern (as on a real host) and 'web`[01`]' matches the literal name. An invalid pattern falls back to an
    exact comparison.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Pattern,

        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Value
    )
    try {
        [System.Management.Automation.WildcardPattern]::Get($Pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase).IsMatch($Value)
    }
    catch {
        $Pattern -ieq $Value
    }
}
