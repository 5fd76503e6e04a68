function Start-ClusterGroup {
    <#
    .SYNOPSIS
    (Simulated) Brings a clustered role online; a VM role's VM starts. Returns the group.
    .EXAMPLE
    FailoverClusters\Start-ClusterGroup -Name web01
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterGroup')]
    param(
        [Parameter(Position = 0)]
        [string] $Name,

        [switch] $IgnoreLocked,

        [switch] $ChooseBestNode,

        [int] $Wait,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        $names = if ($Name) { @($Name) } else { @() }
        foreach ($target in Resolve-ClusterGroupTarget -Cmdlet $PSCmdlet -CommandName 'Start-ClusterGroup' -Name $names -InputObject $InputObject -Cluster $Cluster) {
            $result = Invoke-SimTransaction -ArgumentList @($target.Name) -ScriptBlock {
                param($State, $GroupName)
                Set-ClusterGroupOnline -State $State -CommandName 'Start-ClusterGroup' -GroupName $GroupName -Online
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
