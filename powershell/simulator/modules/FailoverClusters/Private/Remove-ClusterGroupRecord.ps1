function Remove-ClusterGroupRecord {
    <#
    .SYNOPSIS
    Inside a transaction: what Remove-ClusterGroup does to one group. Refuses a group that is not Offline or
    Failed, and one that still has resources without -RemoveResources; otherwise deletes the group (and its
    resources) and marks its VM as no longer clustered. Returns a result (New-SimResult).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $GroupName,

        [switch] $RemoveResources
    )
    $result = New-SimResult
    $group = @($State.cluster.groups) | Where-Object -FilterScript { $_ -and $_.name -ieq $GroupName } | Select-Object -First 1
    if (-not $group) {
        $message = "The cluster group '$GroupName' was not found in cluster '$($State.cluster.name)'."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'Remove-ClusterGroup' -Category ObjectNotFound -CommandName 'Remove-ClusterGroup' -TargetObject $GroupName))
        return $result
    }
    if (@('Offline', 'Failed') -notcontains $group.state) {
        $message = "Failed to remove the clustered role '$($group.name)': the group is $($group.state). Only an offline or failed group can be removed; stop it first (Stop-ClusterGroup)."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'Remove-ClusterGroup' -Category InvalidOperation -CommandName 'Remove-ClusterGroup' -TargetObject $group.name))
        return $result
    }
    if (@($group.resources | Where-Object -FilterScript { $_ }).Count -gt 0 -and -not $RemoveResources) {
        $message = "Failed to remove the clustered role '$($group.name)': the group still contains resources. Remove them first or use -RemoveResources."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'Remove-ClusterGroup' -Category InvalidOperation -CommandName 'Remove-ClusterGroup' -TargetObject $group.name))
        return $result
    }
    $State.cluster.groups = @($State.cluster.groups | Where-Object -FilterScript { -not [object]::ReferenceEquals($_, $group) })
    if ($group.vmId) {
        $vm = Find-SimVM -State $State -Id $group.vmId -AnyNode
        if ($vm) {
            $vm.isClustered = $false
        }
    }
    $result
}
