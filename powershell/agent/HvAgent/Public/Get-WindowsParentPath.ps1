function Get-WindowsParentPath {
    <#
    .SYNOPSIS
    The parent folder of a Windows path as a string ('C:\VMs\web01' -> 'C:\VMs', 'C:\VMs' -> 'C:\'); '' for a root.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path
    )
    $normal = ConvertTo-WindowsPath -Path $Path
    if ($normal -eq '' -or (Test-WindowsRootPath -Path $normal)) {
        return ''
    }
    $index = $normal.LastIndexOf('\')
    if ($index -lt 0) {
        return ''
    }
    $parent = $normal.Substring(0, $index)
    if ($parent -match '^[A-Za-z]:$') {
        return $parent + '\'
    }
    if ($parent -eq '') {
        return '\'
    }
    return $parent
}
