function Remove-VMRecord {
    <#
    .SYNOPSIS
    Inside a transaction: what Remove-VM does to one VM. Checks its state, deletes its configuration files and
    its checkpoints' (never a disk), starts the merge of its checkpoint disks, locks every file it released
    for releaseDelayMs, and unregisters it. Returns a result (New-SimResult).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $VMId,

        [switch] $Passthru
    )
    $result = New-SimResult
    $record = Find-SimVM -State $State -Id $VMId -AnyNode
    if (-not $record) {
        $message = "Hyper-V was unable to find a virtual machine with ID `"$VMId`"."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName 'Remove-VM' -TargetObject $VMId))
        return $result
    }
    if (@('Off', 'Saved') -notcontains (Get-SimBaseState -Name $record.state) -or $null -ne $record.transition) {
        $message = "'$($record.name)' failed to delete. The operation cannot be performed while the virtual machine is in its current state ($($record.state))."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidState' -Category InvalidOperation -CommandName 'Remove-VM' -TargetObject $record.name))
        return $result
    }
    if ($record.isClustered) {
        $message = "'$($record.name)' failed to delete. The virtual machine is managed by the failover cluster: remove its cluster role first."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidState' -Category InvalidOperation -CommandName 'Remove-VM' -TargetObject $record.name))
        return $result
    }
    $root = Get-SimRoot
    $configs = @(Get-SimConfigFile -VM $record)
    foreach ($checkpoint in @($record.snapshots)) {
        $configs += @(Get-SimConfigFile -VM $record -Snapshot $checkpoint)
    }
    foreach ($config in $configs) {
        $problem = Remove-SimRealFile -Path $config -Root $root
        if ($problem) {
            $message = "'$($record.name)' failed to delete. $problem"
            $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'OperationFailed' -Category WriteError -CommandName 'Remove-VM' -TargetObject $record.name -ExceptionKind IO))
            return $result
        }
    }
    $shown = ConvertTo-VMObject -State $State -VM $record
    $null = Start-SimMerge -State $State -VM $record -Snapshot @($record.snapshots)
    $released = @($record.hardDrives) + @($record.dvdDrives) | Where-Object -FilterScript { $_ -and $_.path }
    foreach ($drive in $released) {
        Add-SimLock -State $State -Path $drive.path -Milliseconds ([int] $State.behaviour.releaseDelayMs) -Reason 'released'
    }
    $State.vms = @($State.vms | Where-Object -FilterScript { -not [object]::ReferenceEquals($_, $record) })
    if ($Passthru) {
        $result.Output.Add($shown)
    }
    $result
}
