function Test-IsoNamedForVm {
    <#
    .SYNOPSIS
    True when a file name is an ISO named for a VM: '<name>.iso', '<name>-<anything>.iso' or '<name>_<anything>.iso'.
    .DESCRIPTION
    Compared as strings, case-insensitively; the VM name is never used as a wildcard pattern, so a name holding
    '*', '?' or '[' matches only itself.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $FileName,
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $VmName
    )
    if ($VmName -eq '' -or $FileName -eq '') {
        return $false
    }
    $ignoreCase = [System.StringComparison]::OrdinalIgnoreCase
    if (-not $FileName.EndsWith('.iso', $ignoreCase)) {
        return $false
    }
    if ([string]::Equals($FileName, $VmName + '.iso', $ignoreCase)) {
        return $true
    }
    if ($FileName.Length -lt $VmName.Length + 5) {
        return $false
    }
    return ($FileName.StartsWith($VmName + '-', $ignoreCase) -or $FileName.StartsWith($VmName + '_', $ignoreCase))
}
