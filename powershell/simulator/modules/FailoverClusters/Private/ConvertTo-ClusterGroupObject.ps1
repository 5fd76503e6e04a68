function ConvertTo-ClusterGroupObject {
    <#
    .SYNOPSIS
    A Microsoft.FailoverClusters.PowerShell.ClusterGroup-shaped object for a group record.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Group
    )
    [pscustomobject]@{
        PSTypeName  = 'Microsoft.FailoverClusters.PowerShell.ClusterGroup'
        Name        = $Group.name
        Id          = $Group.id
        OwnerNode   = New-NamedString -Value $Group.ownerNode
        State       = [ClusterGroupState] $Group.state
        GroupType   = [GroupType] $Group.groupType
        Cluster     = New-NamedString -Value $State.cluster.name
        IsCoreGroup = $false
        Priority    = 2000
        Description = ''
    }
}
