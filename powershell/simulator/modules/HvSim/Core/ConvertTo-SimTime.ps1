function ConvertTo-SimTime {
    <#
    .SYNOPSIS
    Reads a state time (ISO 8601 string, or a DateTime) as a UTC DateTime; $null stays $null.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowNull()]
        [AllowEmptyString()]
        [object] $Value
    )
    if ($null -eq $Value -or '' -eq $Value) {
        return $null
    }
    if ($Value -is [datetime]) {
        return $Value.ToUniversalTime()
    }
    $styles = [System.Globalization.DateTimeStyles]'AdjustToUniversal, AssumeUniversal'
    [datetime]::Parse([string] $Value, [System.Globalization.CultureInfo]::InvariantCulture, $styles)
}
