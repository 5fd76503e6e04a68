function Test-ClusterPresent {
    <#
    .SYNOPSIS
    Inside a transaction: whether the cmdlet can reach a cluster. On a host that is not clustered (or for a
    -Cluster name that is not this cluster) it sets the terminating error a real stand-alone host gives and
    returns $false.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [string] $Cluster
    )
    if (-not $State.cluster) {
        $message = 'The cluster service is not running.  Make sure that the service is running on all nodes in the cluster. There are no more endpoints available from the endpoint mapper.'
        $Result.Terminating = New-SimErrorRecord -Message $message -ErrorId 'ClusterEndpointNotRegistered' -Category ConnectionError -CommandName $CommandName -TargetObject $null
        return $false
    }
    if ($Cluster -and $Cluster -ne '.' -and ($Cluster -split '\.', 2)[0] -ine $State.cluster.name) {
        $message = "The cluster '$Cluster' was not found. Make sure the cluster name is correct and that the cluster service is running."
        $Result.Terminating = New-SimErrorRecord -Message $message -ErrorId 'ClusterNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $Cluster
        return $false
    }
    $true
}
