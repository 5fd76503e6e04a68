function Test-WindowsRootPath {
    <#
    .SYNOPSIS
    True for a drive root ('C:\') or a UNC share root ('\\server\share'): folders that are never removed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path
    )
    $normal = ConvertTo-WindowsPath -Path $Path
    if ($normal -eq '') {
        return $false
    }
    if ($normal -match '^[A-Z]:\\$' -or $normal -eq '\') {
        return $true
    }
    if ($normal.StartsWith('\\')) {
        $parts = $normal.Substring(2).Split([char[]] @('\'), [System.StringSplitOptions]::RemoveEmptyEntries)
        return ($parts.Count -le 2)
    }
    return $false
}
