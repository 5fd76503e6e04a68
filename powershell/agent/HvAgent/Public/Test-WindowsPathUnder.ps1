function Test-WindowsPathUnder {
    <#
    .SYNOPSIS
    True when Path lies beneath Folder (strictly, or also when equal with -OrEqual). String logic, case-insensitive.
    .EXAMPLE
    Test-WindowsPathUnder -Path 'C:\VMs\web01\a.vhdx' -Folder 'c:\vms'   # True
    Test-WindowsPathUnder -Path 'C:\VMs\web010' -Folder 'C:\VMs\web01'   # False: prefix of a name is not a parent
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path,
        [AllowNull()] [AllowEmptyString()] [string] $Folder,
        [switch] $OrEqual
    )
    $pathKey = Get-WindowsPathKey -Path $Path
    $folderKey = Get-WindowsPathKey -Path $Folder
    if ($pathKey -eq '' -or $folderKey -eq '') {
        return $false
    }
    if ($pathKey -ceq $folderKey) {
        return [bool] $OrEqual
    }
    $prefix = $folderKey
    if (-not $prefix.EndsWith('\')) {
        $prefix = $prefix + '\'
    }
    return $pathKey.StartsWith($prefix, [System.StringComparison]::Ordinal)
}
