function Stop-ClusterGroup {
    <#
    .SYNOPSIS
    (Simulated) Takes a clustered role offline. For a VM role the VM is saved (the default offline action of
    a VM resource), not turned off; an Off VM stays Off. Returns the group.
    .EXAMPLE
    FailoverClusters\Stop-ClusterGroup -Name web01
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterGroup')]
    param(
        [Parameter(Position = 0)]
        [string] $Name,

        [switch] $IgnoreLocked,

        [int] $Wait,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        $names = if ($Name) { @($Name) } else { @() }
        foreach ($target in Resolve-ClusterGroupTarget -Cmdlet $PSCmdlet -CommandName 'Stop-ClusterGroup' -Name $names -InputObject $InputObject -Cluster $Cluster) {
            $result = Invoke-SimTransaction -ArgumentList @($target.Name) -ScriptBlock {
                param($State, $GroupName)
                Set-ClusterGroupOnline -State $State -CommandName 'Stop-ClusterGroup' -GroupName $GroupName
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
