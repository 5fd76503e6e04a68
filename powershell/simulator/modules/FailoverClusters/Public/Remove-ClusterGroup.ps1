function Remove-ClusterGroup {
    <#
    .SYNOPSIS
    (Simulated) Removes a clustered role. Only an Offline or Failed group can be removed; a group that still
    has resources needs -RemoveResources. The VM of a removed VM role stays registered in Hyper-V, no longer
    clustered.
    .DESCRIPTION
    Asks for confirmation (ConfirmImpact High) unless -Force.
    .EXAMPLE
    FailoverClusters\Remove-ClusterGroup -VMId $vm.VMId -RemoveResources -Force
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [Parameter(ValueFromPipelineByPropertyName)]
        [guid] $VMId,

        [Parameter(Position = 0)]
        [string[]] $Name,

        [switch] $Force,

        [switch] $RemoveResources,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
            $ConfirmPreference = 'None'
        }
        $wantedVMId = if ($PSBoundParameters.ContainsKey('VMId')) { $VMId } else { $null }
        foreach ($target in Resolve-ClusterGroupTarget -Cmdlet $PSCmdlet -CommandName 'Remove-ClusterGroup' -Name $Name -VMId $wantedVMId -InputObject $InputObject -Cluster $Cluster) {
            if (-not $PSCmdlet.ShouldProcess($target.Name, 'Remove-ClusterGroup')) {
                continue
            }
            $result = Invoke-SimTransaction -ArgumentList @($target.Name) -ScriptBlock {
                param($State, $GroupName)
                Remove-ClusterGroupRecord -State $State -GroupName $GroupName -RemoveResources:$RemoveResources
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
