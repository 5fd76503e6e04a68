function Find-SimVhd {
    <#
    .SYNOPSIS
    The virtual disk the state knows at a path (case-insensitive, as Windows): @{ Path = <key>; Record = ... }
    or $null.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Path
    )
    $wanted = Format-SimPath -Path $Path
    foreach ($key in $State.vhds.Keys) {
        if ((Format-SimPath -Path $key) -ieq $wanted) {
            return @{ Path = $key; Record = $State.vhds[$key] }
        }
    }
    $null
}
