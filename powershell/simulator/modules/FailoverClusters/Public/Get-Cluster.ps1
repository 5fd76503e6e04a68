function Get-Cluster {
    <#
    .SYNOPSIS
    (Simulated) Gets the failover cluster this host belongs to; fails as a stand-alone host does otherwise.
    .EXAMPLE
    FailoverClusters\Get-Cluster
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.Cluster')]
    param(
        [Parameter(Position = 0)]
        [string] $Name,

        [string] $Domain
    )
    $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
        param($State)
        $result = New-SimResult
        if (Test-ClusterPresent -State $State -Result $result -CommandName 'Get-Cluster' -Cluster $Name) {
            $domainName = if ($Domain) { $Domain } elseif ($State.cluster.domain) { $State.cluster.domain } else { 'contoso.local' }
            $result.Output.Add([pscustomobject]@{
                    PSTypeName = 'Microsoft.FailoverClusters.PowerShell.Cluster'
                    Name       = $State.cluster.name
                    Domain     = $domainName
                    Id         = $(if ($State.cluster.id) { $State.cluster.id } else { '6b1a7c1e-0000-4000-8000-00000000c105' })
                })
        }
        $result
    }
    Write-SimResult -Cmdlet $PSCmdlet -Result $result
}
