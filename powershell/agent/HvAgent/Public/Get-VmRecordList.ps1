function Get-VmRecordList {
    <#
    .SYNOPSIS
    Every VM that could reference a file of this host: this host's VMs, or on a cluster the VMs of every node.
    .DESCRIPTION
    On a cluster each node is asked in turn (Hyper-V\Get-VM -ComputerName <node>); a node that cannot be asked
    is a terminating error naming it, because a VM there could use a shared file (S3). Returns records
    (ConvertTo-VmRecord), each VM once.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $HostFacts
    )
    $vms = @()
    if (@($HostFacts.ClusterNodes).Count -gt 0) {
        foreach ($node in @($HostFacts.ClusterNodes)) {
            try {
                $vms += @(Hyper-V\Get-VM -ComputerName $node -ErrorAction Stop)
            } catch {
                throw (New-AgentError -Code 'cluster_error' -Object $node -Message ("could not list the VMs of cluster node '" + $node + "': " + $_.Exception.Message))
            }
        }
    } else {
        $vms = @(Hyper-V\Get-VM -ErrorAction Stop)
    }
    $seen = @{}
    $records = @()
    foreach ($vm in $vms) {
        $id = ([string] $vm.Id).ToLowerInvariant()
        if ($seen.ContainsKey($id)) {
            continue
        }
        $seen[$id] = $true
        $records += ConvertTo-VmRecord -Vm $vm
    }
    return $records
}
