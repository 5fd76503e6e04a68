function Resolve-ParameterName {
    <#
    .SYNOPSIS
    The parameter a name given on a command line binds to, as PowerShell does it: an exact name or alias,
    else the one parameter the name abbreviates; $null when unknown or ambiguous.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [pscustomobject] $Metadata,

        [Parameter(Mandatory)]
        [string] $Name
    )
    if ($null -eq $Metadata) {
        return $null
    }
    $prefixMatches = @{}
    foreach ($parameter in $Metadata.Parameters.Values) {
        $names = @($parameter.Name) + @($parameter.Aliases)
        foreach ($candidate in $names) {
            if ($candidate -eq $Name) {
                return $parameter
            }
            if ($candidate.StartsWith($Name, [System.StringComparison]::OrdinalIgnoreCase)) {
                $prefixMatches[$parameter.Name] = $parameter
            }
        }
    }
    if ($prefixMatches.Count -eq 1) {
        return @($prefixMatches.Values)[0]
    }
    $null
}
