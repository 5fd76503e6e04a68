function Get-HostFacts {
    <#
    .SYNOPSIS
    This host's facts for the plan: name, default VM and disk paths, and (when it is a cluster node) the cluster
    name, its nodes and its cluster shared volume roots.
    .DESCRIPTION
    No FailoverClusters module: ClusterModule is false and the host counts as standalone (S8: logged, skipped).
    A module that is present but cannot answer (for example a host with the tools installed but no cluster)
    leaves ClusterError set; the caller decides whether that is fatal (it is when a VM is clustered).
    #>
    [CmdletBinding()]
    param()
    $vmHost = Hyper-V\Get-VMHost -ErrorAction Stop
    $facts = [pscustomobject]@{
        ComputerName          = [string] $vmHost.ComputerName
        VirtualMachinePath    = [string] $vmHost.VirtualMachinePath
        VirtualHardDiskPath   = [string] $vmHost.VirtualHardDiskPath
        LogicalProcessorCount = $vmHost.LogicalProcessorCount
        MemoryCapacityBytes   = $vmHost.MemoryCapacity
        ClusterModule         = $false
        ClusterName           = $null
        ClusterNodes          = @()
        CsvRoots              = @()
        ClusterError          = $null
    }
    if ($null -eq (Get-Module -ListAvailable -Name 'FailoverClusters')) {
        return $facts
    }
    $facts.ClusterModule = $true
    try {
        Import-Module -Name 'FailoverClusters' -ErrorAction Stop
        $cluster = FailoverClusters\Get-Cluster -ErrorAction Stop
        if ($null -ne $cluster) {
            $facts.ClusterName = [string] $cluster.Name
            $facts.ClusterNodes = @(FailoverClusters\Get-ClusterNode -ErrorAction Stop | ForEach-Object -Process { [string] $_.Name })
            $roots = @()
            foreach ($volume in @(FailoverClusters\Get-ClusterSharedVolume -ErrorAction Stop)) {
                foreach ($info in @($volume.SharedVolumeInfo)) {
                    if ($null -ne $info -and -not [string]::IsNullOrEmpty([string] $info.FriendlyVolumeName)) {
                        $roots += [string] $info.FriendlyVolumeName
                    }
                }
            }
            $facts.CsvRoots = $roots
        }
    } catch {
        $facts.ClusterError = $_.Exception.Message
    }
    return $facts
}
