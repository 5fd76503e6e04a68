function Test-WindowsPathEqual {
    <#
    .SYNOPSIS
    True when two Windows paths name the same location (normalised, case-insensitive).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Path,
        [AllowNull()] [AllowEmptyString()] [string] $OtherPath
    )
    $key = Get-WindowsPathKey -Path $Path
    if ($key -eq '') {
        return $false
    }
    return ($key -ceq (Get-WindowsPathKey -Path $OtherPath))
}
