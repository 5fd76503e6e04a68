function Join-WindowsPath {
    <#
    .SYNOPSIS
    Joins a Windows folder path and a child name with one backslash, as a string (no provider, no drive needed).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $ChildName
    )
    $parent = ConvertTo-WindowsPath -Path $Path
    if ($ChildName -eq '') {
        return $parent
    }
    if ($parent.EndsWith('\')) {
        return $parent + $ChildName
    }
    return $parent + '\' + $ChildName
}
