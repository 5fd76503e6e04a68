function Update-DeleteJobReferences {
    <#
    .SYNOPSIS
    Re-reads the host: its facts, every other VM (on a cluster, of every node) and their disk chains, and rebuilds
    the reference index, so each destructive step decides on what other VMs use now (S3, S9).
    .DESCRIPTION
    Also reads the target VM's own chains (into the same map) when a record of it is known. A cluster module
    that cannot answer is fatal when any VM here is clustered; otherwise the host counts as standalone, with a
    warning (see Get-HostFacts).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    $facts = Get-HostFacts
    $all = @(Get-VmRecordList -HostFacts $facts)
    if ($null -ne $facts.ClusterError) {
        $clustered = @($all | Where-Object -FilterScript { $_.IsClustered })
        if ($clustered.Count -gt 0) {
            throw (New-AgentError -Code 'cluster_error' -Object $facts.ComputerName -Message ('the cluster cannot be queried while VM ' + "'" + $clustered[0].Name + "' is clustered: " + $facts.ClusterError))
        }
        if ($null -eq $Job.HostFacts) {
            Write-AgentLog -Message ('FailoverClusters is installed but no cluster answered (' + $facts.ClusterError + '); treating the host as standalone')
        }
    }
    $others = @($all | Where-Object -FilterScript { $_.Id -ne $Job.Payload.vm_id })
    $chains = @{}
    foreach ($vm in $others) {
        $computer = $null
        if (-not [string]::IsNullOrEmpty($vm.ComputerName) -and $vm.ComputerName -ne $facts.ComputerName) { $computer = $vm.ComputerName }
        foreach ($disk in @(Get-VmDiskPathList -Record $vm)) {
            Add-VhdChain -Map $chains -Path $disk -ComputerName $computer
        }
    }
    $Job.HostFacts = $facts
    $Job.Index = New-VmReferenceIndex -Vms $others -Chains $chains
    $Job.Chains = $chains
}
