function Get-VMSnapshot {
    <#
    .SYNOPSIS
    (Simulated) Gets the checkpoints of virtual machines, or one checkpoint by id.
    .DESCRIPTION
    -Name takes wildcards; a name without wildcards that matches nothing, or an unknown -Id, is an error.
    Checkpoints are returned parents first.
    .EXAMPLE
    Hyper-V\Get-VMSnapshot -VM $vm
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    [OutputType('Microsoft.HyperV.PowerShell.VMSnapshot')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0, ValueFromPipeline)]
        [string[]] $VMName,

        [Parameter(ParameterSetName = 'VMName')]
        [Parameter(ParameterSetName = 'Id')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [Parameter(ParameterSetName = 'VMName', Position = 1)]
        [Parameter(ParameterSetName = 'VMObject', Position = 1)]
        [string] $Name,

        [Parameter(Mandatory, ParameterSetName = 'Id', Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [guid] $Id,

        [Parameter(ParameterSetName = 'VMName')]
        [Parameter(ParameterSetName = 'VMObject')]
        [Alias('VMRecoveryCheckpoint')]
        [ValidateSet('Standard', 'Recovery', 'Planned', 'Missing', 'Replica', 'AppConsistentReplica', 'SyncedReplica')]
        [string] $SnapshotType
    )
    process {
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $found = [System.Collections.Generic.List[object]]::new()
            if ($PSCmdlet.ParameterSetName -eq 'Id') {
                $nodes = @(Resolve-VMComputerName -State $State -Result $result -CommandName 'Get-VMSnapshot' -ComputerName $ComputerName)
                foreach ($record in Find-SimVM -State $State -ComputerName $nodes) {
                    foreach ($checkpoint in @($record.snapshots | Where-Object -FilterScript { $_ -and [guid] $_.id -eq $Id })) {
                        $found.Add(@{ VM = $record; Snapshot = $checkpoint })
                    }
                }
                if ($found.Count -eq 0 -and $nodes.Count -gt 0) {
                    $message = "Hyper-V was unable to find a checkpoint with ID `"$Id`"."
                    $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Get-VMSnapshot' -TargetObject $Id -ExceptionKind Argument))
                }
            }
            else {
                foreach ($record in Resolve-VMRecord -State $State -Result $result -CommandName 'Get-VMSnapshot' -VM $VM -Name $VMName -ComputerName $ComputerName) {
                    $matched = @(Get-VMSnapshotInOrder -VM $record | Where-Object -FilterScript { -not $Name -or (Test-SimNameMatch -Pattern $Name -Value $_.name) })
                    if ($Name -and $matched.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Name)) {
                        $message = "Hyper-V was unable to find a checkpoint with name `"$Name`" for virtual machine '$($record.name)'."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Get-VMSnapshot' -TargetObject $Name -ExceptionKind Argument))
                    }
                    foreach ($checkpoint in $matched) {
                        $found.Add(@{ VM = $record; Snapshot = $checkpoint })
                    }
                }
            }
            foreach ($item in $found) {
                if ($SnapshotType -and $SnapshotType -ne 'Standard') {
                    continue
                }
                $candidates = @($item.Snapshot.id, $item.Snapshot.name, $item.VM.id, $item.VM.name)
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VMSnapshot' -Candidates $candidates -TargetObject $item.Snapshot.name)) {
                    $result.Output.Add((ConvertTo-VMSnapshotObject -VM $item.VM -Snapshot $item.Snapshot))
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
