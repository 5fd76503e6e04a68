function Resolve-ClusterGroupTarget {
    <#
    .SYNOPSIS
    Phase one of a cluster group change: in a read-only transaction, find the groups (faults fire here) and
    write what went wrong (a missing cluster ends the cmdlet). Returns targets @{ Name; VMId }.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [string[]] $Name,

        [AllowNull()]
        [object] $VMId,

        [AllowNull()]
        [object] $InputObject,

        [string] $Cluster
    )
    if (-not $Name -and -not $VMId -and -not $InputObject) {
        $record = New-SimErrorRecord -Message "$CommandName needs a group: specify -Name, -VMId or -InputObject." -ErrorId 'MissingGroup' -Category InvalidArgument -CommandName $CommandName -TargetObject $null -ExceptionKind Argument
        $Cmdlet.ThrowTerminatingError($record)
    }
    $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
        param($State)
        $result = New-SimResult
        $targets = @()
        if (Test-ClusterPresent -State $State -Result $result -CommandName $CommandName -Cluster $Cluster) {
            $targets = foreach ($group in Resolve-ClusterGroupRecord -State $State -Result $result -CommandName $CommandName -Name $Name -VMId $VMId -InputObject $InputObject) {
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName $CommandName -Candidates @($group.name, $group.vmId) -TargetObject $group.name)) {
                    @{ Name = $group.name; VMId = $group.vmId }
                }
            }
        }
        @{ Result = $result; Targets = @($targets) }
    }
    Write-SimResult -Cmdlet $Cmdlet -Result $plan.Result
    $plan.Targets
}
