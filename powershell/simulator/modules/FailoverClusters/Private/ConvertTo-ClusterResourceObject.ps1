function ConvertTo-ClusterResourceObject {
    <#
    .SYNOPSIS
    A Microsoft.FailoverClusters.PowerShell.ClusterResource-shaped object for a resource of a group.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Group,

        [Parameter(Mandatory)]
        [hashtable] $Resource
    )
    [pscustomobject]@{
        PSTypeName   = 'Microsoft.FailoverClusters.PowerShell.ClusterResource'
        Name         = $Resource.name
        State        = [ClusterResourceState] $Resource.state
        OwnerGroup   = New-NamedString -Value $Group.name
        OwnerNode    = New-NamedString -Value $Group.ownerNode
        ResourceType = New-NamedString -Value $Resource.resourceType
        Cluster      = New-NamedString -Value $State.cluster.name
        IsCoreResource = $false
    }
}
