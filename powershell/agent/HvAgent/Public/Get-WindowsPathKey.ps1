function Get-WindowsPathKey {
    <#
    .SYNOPSIS
    The comparison key of a Windows path: normalised and upper-cased (Windows paths compare case-insensitively).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path
    )
    return (ConvertTo-WindowsPath -Path $Path).ToUpperInvariant()
}
