function Get-VhdChainPaths {
    <#
    .SYNOPSIS
    The chain of a disk from the chain map: the disk itself first, then each parent up to the base disk.
    .DESCRIPTION
    Pure lookup over the map Add-VhdChain fills. Stops at a disk the map does not know or could not read, and
    at a loop (a chain never revisits a disk).
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory = $true)] [hashtable] $Map,
        [Parameter(Mandatory = $true)] [string] $Path
    )
    $chain = New-Object -TypeName System.Collections.Generic.List[string]
    $seen = @{}
    $current = ConvertTo-WindowsPath -Path $Path
    while (-not [string]::IsNullOrEmpty($current)) {
        $key = Get-WindowsPathKey -Path $current
        if ($seen.ContainsKey($key)) {
            break
        }
        $seen[$key] = $true
        $chain.Add($current)
        if (-not $Map.ContainsKey($key)) {
            break
        }
        $current = $Map[$key].ParentPath
    }
    return $chain.ToArray()
}
