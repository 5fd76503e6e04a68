function Resolve-VMSnapshotTarget {
    <#
    .SYNOPSIS
    Inside a transaction: the checkpoints Remove-VMSnapshot removes, as one target per checkpoint
    @{ VMId; SnapshotId; Label }, from checkpoint objects or from VMs and names. Faults fire here.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [object[]] $VMSnapshot,

        [object[]] $VM,

        [string[]] $VMName,

        [string[]] $ComputerName,

        [string[]] $Name
    )
    $pairs = [System.Collections.Generic.List[object]]::new()
    if ($VMSnapshot) {
        foreach ($object in $VMSnapshot) {
            $record = Find-SimVM -State $State -Id $object.VMId -AnyNode
            $checkpoint = if ($record) { @($record.snapshots) | Where-Object -FilterScript { $_ -and [guid] $_.id -eq [guid] $object.Id } | Select-Object -First 1 }
            if (-not $checkpoint) {
                $message = "Hyper-V was unable to find a checkpoint with ID `"$($object.Id)`"."
                $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName 'Remove-VMSnapshot' -TargetObject $object))
                continue
            }
            $pairs.Add(@{ VM = $record; Snapshot = $checkpoint })
        }
    }
    else {
        foreach ($record in Resolve-VMRecord -State $State -Result $Result -CommandName 'Remove-VMSnapshot' -VM $VM -Name $VMName -ComputerName $ComputerName) {
            $patterns = if ($Name) { $Name } else { @('*') }
            foreach ($pattern in $patterns) {
                $matched = @(Get-VMSnapshotInOrder -VM $record | Where-Object -FilterScript { Test-SimNameMatch -Pattern $pattern -Value $_.name })
                if ($matched.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
                    $message = "Hyper-V was unable to find a checkpoint with name `"$pattern`" for virtual machine '$($record.name)'."
                    $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Remove-VMSnapshot' -TargetObject $pattern -ExceptionKind Argument))
                }
                foreach ($checkpoint in $matched) {
                    $pairs.Add(@{ VM = $record; Snapshot = $checkpoint })
                }
            }
        }
    }
    foreach ($pair in $pairs) {
        $candidates = @($pair.Snapshot.id, $pair.Snapshot.name, $pair.VM.id, $pair.VM.name)
        if (-not (Test-SimObjectFault -State $State -Result $Result -CommandName 'Remove-VMSnapshot' -Candidates $candidates -TargetObject $pair.Snapshot.name)) {
            @{ VMId = $pair.VM.id; SnapshotId = $pair.Snapshot.id; Label = "$($pair.Snapshot.name) ($($pair.VM.name))" }
        }
    }
}
