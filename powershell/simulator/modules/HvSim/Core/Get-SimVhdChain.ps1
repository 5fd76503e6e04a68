function Get-SimVhdChain {
    <#
    .SYNOPSIS
    A disk and its ancestors, following parentPath: the disk itself first, the base disk last.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Path
    )
    $chain = [System.Collections.Generic.List[string]]::new()
    $current = Format-SimPath -Path $Path
    while ($current -and $chain.Count -lt 64 -and -not ($chain -icontains $current)) {
        $chain.Add($current)
        $entry = Find-SimVhd -State $State -Path $current
        if ($null -eq $entry -or -not $entry.Record.parentPath) {
            break
        }
        $current = Format-SimPath -Path $entry.Record.parentPath
    }
    $chain.ToArray()
}
