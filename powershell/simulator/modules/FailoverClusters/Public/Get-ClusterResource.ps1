function Get-ClusterResource {
    <#
    .SYNOPSIS
    (Simulated) Gets cluster resources: all, by -Name, those of a VM (-VMId), or of a piped group or node.
    .DESCRIPTION
    A VM role has two resources: "Virtual Machine <name>" and "Virtual Machine Configuration <name>".
    .EXAMPLE
    FailoverClusters\Get-ClusterGroup -VMId $vm.VMId | FailoverClusters\Get-ClusterResource
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterResource')]
    param(
        [Parameter(Position = 0)]
        [string[]] $Name,

        [Parameter(ValueFromPipelineByPropertyName)]
        [guid] $VMId,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        $wantedVMId = if ($PSBoundParameters.ContainsKey('VMId')) { $VMId } else { $null }
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            if (-not (Test-ClusterPresent -State $State -Result $result -CommandName 'Get-ClusterResource' -Cluster $Cluster)) {
                return $result
            }
            $groups = @(Resolve-ClusterGroupRecord -State $State -Result $result -CommandName 'Get-ClusterResource' -VMId $wantedVMId -InputObject $InputObject)
            $pairs = foreach ($group in $groups) {
                foreach ($resource in @($group.resources | Where-Object -FilterScript { $_ })) {
                    @{ Group = $group; Resource = $resource }
                }
            }
            if ($Name) {
                foreach ($wanted in $Name) {
                    if (-not ($pairs | Where-Object -FilterScript { $_.Resource.name -ieq $wanted })) {
                        $message = "The cluster resource '$wanted' was not found in cluster '$($State.cluster.name)'."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'Get-ClusterResource' -Category ObjectNotFound -CommandName 'Get-ClusterResource' -TargetObject $wanted))
                    }
                }
                $pairs = @($pairs | Where-Object -FilterScript { $Name -icontains $_.Resource.name })
            }
            foreach ($pair in $pairs) {
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-ClusterResource' -Candidates @($pair.Resource.name, $pair.Group.name, $pair.Group.vmId) -TargetObject $pair.Resource.name)) {
                    $result.Output.Add((ConvertTo-ClusterResourceObject -State $State -Group $pair.Group -Resource $pair.Resource))
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
