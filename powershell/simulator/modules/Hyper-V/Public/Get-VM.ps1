function Get-VM {
    <#
    .SYNOPSIS
    (Simulated) Gets the virtual machines of this host, or of the given cluster nodes.
    .DESCRIPTION
    -Name takes wildcards and names need not be unique (every match is returned); a name without wildcards
    that matches nothing is an error 'Hyper-V was unable to find a virtual machine with name "..."'
    (InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM). -Id looks a VM up by identity.
    -ClusterObject takes a cluster group or resource of a VM role.
    .EXAMPLE
    Hyper-V\Get-VM -Id 2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name')]
    [OutputType('Microsoft.HyperV.PowerShell.VirtualMachine')]
    param(
        [Parameter(ParameterSetName = 'Name', Position = 0, ValueFromPipeline)]
        [Alias('VMName')]
        [ValidateNotNullOrEmpty()]
        [string[]] $Name,

        [Parameter(ParameterSetName = 'Id', Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [guid] $Id,

        [Parameter(ParameterSetName = 'Name')]
        [Parameter(ParameterSetName = 'Id')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'ClusterObject', Position = 0, ValueFromPipeline)]
        [psobject] $ClusterObject
    )
    process {
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $nodes = @(Resolve-VMComputerName -State $State -Result $result -CommandName 'Get-VM' -ComputerName $ComputerName)
            $records = @()
            switch ($PSCmdlet.ParameterSetName) {
                'Id' {
                    $records = @(Find-SimVM -State $State -Id $Id -ComputerName $nodes)
                    if ($records.Count -eq 0 -and $nodes.Count -gt 0) {
                        $message = "Hyper-V was unable to find a virtual machine with ID `"$Id`"."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Get-VM' -TargetObject $Id -ExceptionKind Argument))
                    }
                }
                'ClusterObject' {
                    $vmId = Get-VMIdOfClusterObject -State $State -InputObject $ClusterObject
                    $records = @(if ($vmId) { Find-SimVM -State $State -Id $vmId -AnyNode })
                    if ($records.Count -eq 0) {
                        $message = "The cluster object '$($ClusterObject.Name)' is not a virtual machine role of this cluster."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Get-VM' -TargetObject $ClusterObject -ExceptionKind Argument))
                    }
                }
                default {
                    if ($nodes.Count -eq 0) {
                        break
                    }
                    if ($Name) {
                        $records = @(Resolve-VMRecord -State $State -Result $result -CommandName 'Get-VM' -Name $Name -ComputerName $nodes)
                    }
                    else {
                        $records = @(Find-SimVM -State $State -ComputerName $nodes)
                    }
                }
            }
            foreach ($record in $records) {
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VM' -Candidates @($record.id, $record.name) -TargetObject $record.name)) {
                    $result.Output.Add((ConvertTo-VMObject -State $State -VM $record))
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
