function Resolve-ClusterGroupRecord {
    <#
    .SYNOPSIS
    Inside a transaction: the group records a cluster cmdlet acts on, by -Name, by -VMId, or from an input
    object (a group, a resource's owner group, a node's groups, a VM's role, or the cluster: all groups).
    Without any of these: every group. A name or VM id that matches nothing adds an error to the result.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [string[]] $Name,

        [AllowNull()]
        [object] $VMId,

        [AllowNull()]
        [object] $InputObject
    )
    $groups = @($State.cluster.groups | Where-Object -FilterScript { $_ })
    if ($InputObject) {
        $types = $InputObject.PSObject.TypeNames
        if ($types -contains 'Microsoft.HyperV.PowerShell.VirtualMachine') {
            $VMId = $InputObject.VMId
        }
        elseif ($types -contains 'Microsoft.FailoverClusters.PowerShell.ClusterResource') {
            $Name = @([string] $InputObject.OwnerGroup)
        }
        elseif ($types -contains 'Microsoft.FailoverClusters.PowerShell.ClusterNode') {
            return $groups | Where-Object -FilterScript { $_.ownerNode -ieq [string] $InputObject.Name }
        }
        elseif ($types -contains 'Microsoft.FailoverClusters.PowerShell.Cluster') {
            return $groups
        }
        else {
            $Name = @([string] $InputObject.Name)
        }
    }
    if ($VMId) {
        $found = @($groups | Where-Object -FilterScript { $_.vmId -and [guid] $_.vmId -eq [guid] $VMId })
        if ($found.Count -eq 0) {
            $message = "No clustered role of virtual machine '$VMId' was found in cluster '$($State.cluster.name)'."
            $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId $CommandName -Category ObjectNotFound -CommandName $CommandName -TargetObject $VMId))
        }
        return $found
    }
    if (-not $Name) {
        return $groups
    }
    foreach ($wanted in $Name) {
        $found = @($groups | Where-Object -FilterScript { $_.name -ieq $wanted })
        if ($found.Count -eq 0) {
            $message = "The cluster group '$wanted' was not found in cluster '$($State.cluster.name)'."
            $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId $CommandName -Category ObjectNotFound -CommandName $CommandName -TargetObject $wanted))
        }
        $found
    }
}
