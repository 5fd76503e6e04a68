function Get-ClusterGroup {
    <#
    .SYNOPSIS
    (Simulated) Gets clustered roles (resource groups): all, by -Name, by -VMId, or from a piped object.
    .DESCRIPTION
    Groups are often named after their VM but need not be: look a VM's role up by -VMId. A name or VM id
    without a group is a non-terminating ObjectNotFound error. A host that is not clustered fails as a real
    stand-alone host does (terminating: the cluster service is not running).
    .EXAMPLE
    FailoverClusters\Get-ClusterGroup -VMId $vm.VMId -ErrorAction SilentlyContinue
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterGroup')]
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
            if (-not (Test-ClusterPresent -State $State -Result $result -CommandName 'Get-ClusterGroup' -Cluster $Cluster)) {
                return $result
            }
            foreach ($group in Resolve-ClusterGroupRecord -State $State -Result $result -CommandName 'Get-ClusterGroup' -Name $Name -VMId $wantedVMId -InputObject $InputObject) {
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-ClusterGroup' -Candidates @($group.name, $group.vmId) -TargetObject $group.name)) {
                    $result.Output.Add((ConvertTo-ClusterGroupObject -State $State -Group $group))
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
