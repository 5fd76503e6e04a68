function Remove-VMSnapshotRecord {
    <#
    .SYNOPSIS
    Inside a transaction: what Remove-VMSnapshot does to one checkpoint (and, with -IncludeAllChildSnapshots,
    its subtree): deletes the checkpoints' configuration files, re-parents surviving children, and starts the
    merge of their differencing disks (Start-SimMerge). Returns a result (New-SimResult). A checkpoint already
    removed (with its parent's subtree, say) is skipped silently.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Target,

        [switch] $IncludeAllChildSnapshots,

        [switch] $Passthru
    )
    $result = New-SimResult
    $record = Find-SimVM -State $State -Id $Target.VMId -AnyNode
    $checkpoint = if ($record) { @($record.snapshots) | Where-Object -FilterScript { $_ -and $_.id -eq $Target.SnapshotId } | Select-Object -First 1 }
    if (-not $checkpoint) {
        return $result
    }
    $removed = [System.Collections.Generic.List[object]]::new()
    $removed.Add($checkpoint)
    if ($IncludeAllChildSnapshots) {
        for ($index = 0; $index -lt $removed.Count; $index++) {
            foreach ($child in @($record.snapshots | Where-Object -FilterScript { $_ -and $_.parentSnapshotId -eq $removed[$index].id })) {
                $removed.Add($child)
            }
        }
    }
    $root = Get-SimRoot
    foreach ($item in $removed) {
        foreach ($config in Get-SimConfigFile -VM $record -Snapshot $item) {
            $problem = Remove-SimRealFile -Path $config -Root $root
            if ($problem) {
                $message = "Failed to delete checkpoint '$($item.name)' of '$($record.name)'. $problem"
                $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'OperationFailed' -Category WriteError -CommandName 'Remove-VMSnapshot' -TargetObject $item.name -ExceptionKind IO))
                return $result
            }
        }
    }
    if ($Passthru) {
        foreach ($item in $removed) {
            $result.Output.Add((ConvertTo-VMSnapshotObject -VM $record -Snapshot $item))
        }
    }
    $removedIds = @($removed | ForEach-Object -Process { $_.id })
    $null = Start-SimMerge -State $State -VM $record -Snapshot $removed.ToArray()
    $survivors = @($record.snapshots | Where-Object -FilterScript { $_ -and $removedIds -notcontains $_.id })
    foreach ($survivor in $survivors) {
        $parentId = $survivor.parentSnapshotId
        while ($parentId -and $removedIds -contains $parentId) {
            $parentId = ($removed | Where-Object -FilterScript { $_.id -eq $parentId } | Select-Object -First 1).parentSnapshotId
        }
        $survivor.parentSnapshotId = $parentId
    }
    $record.snapshots = $survivors
    $result
}
