function Format-SimPath {
    <#
    .SYNOPSIS
    Normalises a Windows path the way Hyper-V shows it: backslashes, upper-case drive letter, no doubled or
    trailing separators, '.' and '..' resolved. Comparisons of normalised paths are case-insensitive (-ieq).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowNull()]
        [AllowEmptyString()]
        [string] $Path
    )
    if ([string]::IsNullOrEmpty($Path)) {
        return $Path
    }
    $text = $Path.Replace('/', '\')
    $prefix = ''
    if ($text -match '^([A-Za-z]):(.*)$') {
        $prefix = $Matches[1].ToUpperInvariant() + ':\'
        $text = $Matches[2]
    }
    $segments = [System.Collections.Generic.List[string]]::new()
    foreach ($segment in $text.Split([char]'\')) {
        if ($segment -eq '' -or $segment -eq '.') {
            continue
        }
        if ($segment -eq '..') {
            if ($segments.Count -gt 0) {
                $segments.RemoveAt($segments.Count - 1)
            }
            continue
        }
        $segments.Add($segment)
    }
    $prefix + ($segments -join '\')
}
