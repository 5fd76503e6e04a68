function Test-PayloadField {
    <#
    .SYNOPSIS
    Checks one payload field against its rule and returns its value (or the default); throws invalid_payload.
    .DESCRIPTION
    Types: string (with MinLength/MaxLength), guid (the 36-character form, returned lower-case), bool, enum
    (Values), integer (Minimum/Maximum; JSON numbers without a fraction). A missing or null optional field gives
    Default. The error message names the field and says what was expected and what came.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Container,
        [Parameter(Mandatory = $true)] [string] $Name,
        [Parameter(Mandatory = $true)] [ValidateSet('string', 'guid', 'bool', 'enum', 'integer')] [string] $Type,
        [switch] $Required,
        [AllowNull()] $Default = $null,
        [int] $MinLength = 1,
        [int] $MaxLength = 1024,
        [string[]] $Values = @(),
        [long] $Minimum = 0,
        [long] $Maximum = [long]::MaxValue,
        [string] $Prefix = ''
    )
    $label = $Prefix + $Name
    $property = $Container.PSObject.Properties[$Name]
    if ($null -eq $property -or $null -eq $property.Value) {
        if ($Required) {
            throw (New-AgentError -Code 'invalid_payload' -Field $label -Message ("payload field '" + $label + "' is required"))
        }
        return $Default
    }
    $value = $property.Value
    $got = $value.GetType().Name
    $expected = $null
    switch ($Type) {
        'string' {
            if (-not ($value -is [string])) { $expected = 'a string' }
            elseif ($value.Length -lt $MinLength -or $value.Length -gt $MaxLength) {
                $expected = 'a string of ' + $MinLength + ' to ' + $MaxLength + ' characters'
                $got = 'length ' + $value.Length
            }
        }
        'guid' {
            if (-not ($value -is [string]) -or $value -notmatch '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$') {
                $expected = 'a GUID string (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)'
            } else {
                $value = $value.ToLowerInvariant()
            }
        }
        'bool' {
            if (-not ($value -is [bool])) { $expected = 'true or false' }
        }
        'enum' {
            if (-not ($value -is [string]) -or -not ($Values -ccontains $value)) {
                $expected = 'one of ' + ($Values -join ', ')
                if ($value -is [string]) { $got = "'" + $value + "'" }
            }
        }
        'integer' {
            $isInteger = ($value -is [int] -or $value -is [long] -or $value -is [int16] -or $value -is [byte])
            if (-not $isInteger -and ($value -is [double] -or $value -is [decimal])) {
                $isInteger = ([math]::Floor($value) -eq $value -and [math]::Abs($value) -lt 9e15)
            }
            if (-not $isInteger) { $expected = 'a whole number' }
            elseif ($value -lt $Minimum -or $value -gt $Maximum) {
                $expected = 'a whole number from ' + $Minimum + ' to ' + $Maximum
                $got = [string] $value
            } else {
                $value = [long] $value
            }
        }
    }
    if ($null -ne $expected) {
        throw (New-AgentError -Code 'invalid_payload' -Field $label -Message ("payload field '" + $label + "' must be " + $expected + ' (got ' + $got + ')'))
    }
    return $value
}
