function Format-SimTime {
    <#
    .SYNOPSIS
    Writes a time the way state.json stores it: ISO 8601 UTC with milliseconds.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [datetime] $Time
    )
    $Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
}
