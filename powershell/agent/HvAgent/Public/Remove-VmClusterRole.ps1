function Remove-VmClusterRole {
    <#
    .SYNOPSIS
    The cluster step (S8): takes the VM's role offline if needed, removes it with its resources, verifies it is gone.
    .DESCRIPTION
    Stop-ClusterGroup first (the cluster deletes only offline resources; a VM resource's offline action is
    Save, so the VM is left Saved and the power step turns it off). Remove-ClusterGroup -RemoveResources -Force
    deletes the role and leaves the VM registered in Hyper-V. A role still listed afterwards is a terminating
    error naming it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    if ($null -eq $Job.Vm) {
        return New-StepOutcome -Skipped -Detail 'the VM is already unregistered'
    }
    if (-not $Job.HostFacts.ClusterModule) {
        return New-StepOutcome -Skipped -Detail 'no FailoverClusters module on this host'
    }
    $Job.Vm = Get-AgentVm -Id $Job.Payload.vm_id
    if ($null -eq $Job.Vm -or -not [bool] $Job.Vm.IsClustered) {
        return New-StepOutcome -Skipped -Detail 'the VM is not clustered'
    }
    $group = Get-DeleteClusterRole -Job $Job
    if ($null -eq $group) {
        return New-StepOutcome -Skipped -Detail 'the cluster has no role for this VM'
    }
    $name = [string] $group.Name
    $state = [string] $group.State
    Write-AgentLog -Message ("removing cluster role '" + $name + "' (group state " + $state + ')')
    if ($state -ne 'Offline') {
        try {
            FailoverClusters\Stop-ClusterGroup -InputObject $group -ErrorAction Stop | Out-Null
        } catch {
            throw (New-AgentError -Code 'cluster_error' -Object $name -Message ("could not take cluster role '" + $name + "' offline: " + $_.Exception.Message))
        }
    }
    try {
        FailoverClusters\Remove-ClusterGroup -InputObject $group -RemoveResources -Force -ErrorAction Stop | Out-Null
    } catch {
        throw (New-AgentError -Code 'cluster_error' -Object $name -Message ("could not remove cluster role '" + $name + "': " + $_.Exception.Message))
    }
    $left = @(FailoverClusters\Get-ClusterGroup -ErrorAction Stop | Where-Object -FilterScript { [string] $_.Name -eq $name })
    if ($left.Count -gt 0) {
        throw (New-AgentError -Code 'verify_failed' -Object $name -Message ("cluster role '" + $name + "' is still present after its removal"))
    }
    $Job.Vm = Get-AgentVm -Id $Job.Payload.vm_id
    return New-StepOutcome -Detail ("cluster role '" + $name + "' removed")
}
