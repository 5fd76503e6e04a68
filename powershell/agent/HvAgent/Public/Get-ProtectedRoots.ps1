function Get-ProtectedRoots {
    <#
    .SYNOPSIS
    The folders that are never removed (S5): the host's default VM path (and its Virtual Machines and Snapshots
    folders, which every VM stored there shares), its default disk path, and every cluster shared volume root.
    Drive roots and UNC share roots are protected by their shape (Test-ProtectedFolder).
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory = $true)] [psobject] $HostFacts
    )
    $roots = @()
    if (-not [string]::IsNullOrEmpty($HostFacts.VirtualMachinePath)) {
        $roots += ConvertTo-WindowsPath -Path $HostFacts.VirtualMachinePath
        $roots += Join-WindowsPath -Path $HostFacts.VirtualMachinePath -ChildName 'Virtual Machines'
        $roots += Join-WindowsPath -Path $HostFacts.VirtualMachinePath -ChildName 'Snapshots'
    }
    if (-not [string]::IsNullOrEmpty($HostFacts.VirtualHardDiskPath)) {
        $roots += ConvertTo-WindowsPath -Path $HostFacts.VirtualHardDiskPath
    }
    foreach ($csv in @($HostFacts.CsvRoots)) {
        if (-not [string]::IsNullOrEmpty($csv)) {
            $roots += ConvertTo-WindowsPath -Path $csv
        }
    }
    return $roots
}
