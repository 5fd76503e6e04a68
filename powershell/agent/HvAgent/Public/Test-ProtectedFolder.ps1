function Test-ProtectedFolder {
    <#
    .SYNOPSIS
    True when a folder must never be removed: a drive or share root, a protected root, or an ancestor of one.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)] [string] $Folder,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $ProtectedRoots
    )
    if (Test-WindowsRootPath -Path $Folder) {
        return $true
    }
    foreach ($root in $ProtectedRoots) {
        if (Test-WindowsPathUnder -Path $root -Folder $Folder -OrEqual) {
            return $true
        }
    }
    return $false
}
