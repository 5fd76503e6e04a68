function ConvertTo-WindowsPath {
    <#
    .SYNOPSIS
    Normalises a Windows path as a string: backslashes, no doubled or trailing separators, '.' and '..' resolved.
    .DESCRIPTION
    Pure string logic (no provider, no .NET Path), so it behaves the same on a Windows host and in the Linux lab.
    'c:/VMs//web01/' becomes 'C:\VMs\web01'; a drive root keeps its backslash ('C:\'); UNC paths keep their
    leading '\\'. Case is kept (only the drive letter is upper-cased); compare with Get-WindowsPathKey.
    Returns '' for an empty or null path.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path
    )
    if ([string]::IsNullOrEmpty($Path)) {
        return ''
    }
    $text = $Path.Replace('/', '\')
    $prefix = ''
    if ($text.StartsWith('\\')) {
        $prefix = '\\'
        $text = $text.Substring(2)
    } elseif ($text.Length -ge 2 -and $text[1] -eq ':') {
        $prefix = $text.Substring(0, 1).ToUpperInvariant() + ':\'
        $text = $text.Substring(2)
    } elseif ($text.StartsWith('\')) {
        $prefix = '\'
    }
    $segments = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($segment in $text.Split([char[]] @('\'), [System.StringSplitOptions]::RemoveEmptyEntries)) {
        if ($segment -eq '.') {
            continue
        }
        if ($segment -eq '..') {
            # Never climbs above the root (or above the server\share of a UNC path).
            $floor = 0
            if ($prefix -eq '\\') {
                $floor = 2
            }
            if ($segments.Count -gt $floor) {
                $segments.RemoveAt($segments.Count - 1)
            }
            continue
        }
        $segments.Add($segment)
    }
    return $prefix + ($segments -join '\')
}
