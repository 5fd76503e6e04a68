function Get-WindowsLeafName {
    <#
    .SYNOPSIS
    The last segment of a Windows path as a string ('C:\VMs\web01.vhdx' -> 'web01.vhdx'); '' for a root.
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
    return $normal.Substring($normal.LastIndexOf('\') + 1)
}
