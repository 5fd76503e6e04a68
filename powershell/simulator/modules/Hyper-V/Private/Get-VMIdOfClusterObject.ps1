function Get-VMIdOfClusterObject {
    <#
    .SYNOPSIS
    The VM id behind a cluster group or resource object (Get-ClusterGroup | Get-VM), found through the
    cluster's groups by name; a VirtualMachine object stands for itself. $null when it is not a VM role.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [psobject] $InputObject
    )
    if ($InputObject.PSObject.TypeNames -contains 'Microsoft.HyperV.PowerShell.VirtualMachine') {
        return [string] $InputObject.VMId
    }
    if (-not $State.cluster) {
        return $null
    }
    $groupName = [string] $InputObject.Name
    if ($InputObject.PSObject.TypeNames -contains 'Microsoft.FailoverClusters.PowerShell.ClusterResource') {
        $groupName = [string] $InputObject.OwnerGroup
    }
    $group = @($State.cluster.groups) | Where-Object -FilterScript { $_.name -ieq $groupName } | Select-Object -First 1
    if ($group) {
        return $group.vmId
    }
    $null
}
