function Get-DeleteClusterRole {
    <#
    .SYNOPSIS
    The cluster role (group) of the VM being deleted: the group object, or $null when there is none to remove.
    .DESCRIPTION
    $null when the VM is gone or not clustered, or when the host has no FailoverClusters module (S8: logged and
    skipped). Any other lookup error propagates and fails the job: a role must never be skipped silently.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    if ($null -eq $Job.Vm -or -not [bool] $Job.Vm.IsClustered) {
        return $null
    }
    if (-not $Job.HostFacts.ClusterModule) {
        Write-AgentLog -Message 'the VM is marked clustered but this host has no FailoverClusters module; no cluster role to remove'
        return $null
    }
    try {
        $group = FailoverClusters\Get-ClusterGroup -VMId $Job.Payload.vm_id -ErrorAction Stop
    } catch {
        throw (New-AgentError -Code 'cluster_error' -Object $Job.Payload.vm_name -Message ("could not look up the cluster role of VM '" + $Job.Payload.vm_name + "': " + $_.Exception.Message))
    }
    return @($group | Where-Object -FilterScript { $null -ne $_ }) | Select-Object -First 1
}
