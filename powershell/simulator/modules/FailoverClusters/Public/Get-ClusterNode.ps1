function Get-ClusterNode {
    <#
    .SYNOPSIS
    (Simulated) Gets the nodes of the cluster.
    .EXAMPLE
    FailoverClusters\Get-ClusterNode
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterNode')]
    param(
        [Parameter(Position = 0)]
        [string[]] $Name,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            if (-not (Test-ClusterPresent -State $State -Result $result -CommandName 'Get-ClusterNode' -Cluster $Cluster)) {
                return $result
            }
            $nodes = @($State.cluster.nodes)
            if ($InputObject -and $InputObject.PSObject.TypeNames -contains 'Microsoft.FailoverClusters.PowerShell.ClusterGroup') {
                $nodes = @($nodes | Where-Object -FilterScript { $_.name -ieq [string] $InputObject.OwnerNode })
            }
            if ($Name) {
                foreach ($wanted in $Name) {
                    if (-not ($nodes | Where-Object -FilterScript { $_.name -ieq $wanted })) {
                        $message = "The cluster node '$wanted' was not found in cluster '$($State.cluster.name)'."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'Get-ClusterNode' -Category ObjectNotFound -CommandName 'Get-ClusterNode' -TargetObject $wanted))
                    }
                }
                $nodes = @($nodes | Where-Object -FilterScript { $Name -icontains $_.name })
            }
            $index = 0
            foreach ($node in $nodes) {
                $index++
                $result.Output.Add([pscustomobject]@{
                        PSTypeName = 'Microsoft.FailoverClusters.PowerShell.ClusterNode'
                        Name       = $node.name
                        NodeName   = $node.name
                        State      = [ClusterNodeState] $node.state
                        Id         = [string] $index
                        Cluster    = New-NamedString -Value $State.cluster.name
                    })
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
