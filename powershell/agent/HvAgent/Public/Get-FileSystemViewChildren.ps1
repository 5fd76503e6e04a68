function Get-FileSystemViewChildren {
    <#
    .SYNOPSIS
    The known children of a folder in a file system view (empty when none are known).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $View,
        [Parameter(Mandatory = $true)] [string] $Folder
    )
    $key = Get-WindowsPathKey -Path $Folder
    if ($View.Children.ContainsKey($key)) {
        return $View.Children[$key].ToArray()
    }
    return @()
}
