function Remove-VmCheckpointTree {
    <#
    .SYNOPSIS
    The checkpoints step (S4): removes every checkpoint (each root with -IncludeAllChildSnapshots), verifies none
    is left, then waits for Hyper-V's merge to finish before any disk is touched.
    .DESCRIPTION
    The merge runs after Remove-VMSnapshot returns: the wait lasts while the VM's Status reads "Merging disks"
    or, when this run removed checkpoints, while a checkpoint disk (.avhdx) of the plan is still on disk, up to
    merge_timeout_seconds. A merge still running after that is a terminating error naming the file or VM (a
    re-run waits again). The .avhdx files of live checkpoints are never deleted directly.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    if ($null -eq $Job.Vm) {
        return New-StepOutcome -Skipped -Detail 'the VM is already unregistered'
    }
    $vm = $Job.Vm
    $snapshots = @(Hyper-V\Get-VMSnapshot -VM $vm -ErrorAction Stop)
    $removed = 0
    if ($snapshots.Count -gt 0) {
        $ids = @{}
        foreach ($snapshot in $snapshots) { $ids[([string] $snapshot.Id).ToLowerInvariant()] = $true }
        $roots = @($snapshots | Where-Object -FilterScript {
                $parent = ([string] $_.ParentSnapshotId).ToLowerInvariant()
                $parent -eq '' -or -not $ids.ContainsKey($parent)
            })
        foreach ($root in $roots) {
            Write-AgentLog -Message ("removing checkpoint '" + $root.Name + "' and all its children")
            try {
                Hyper-V\Remove-VMSnapshot -VMSnapshot $root -IncludeAllChildSnapshots -Confirm:$false -ErrorAction Stop
            } catch {
                throw (New-AgentError -Code 'host_error' -Object ([string] $root.Name) -Message ("could not remove checkpoint '" + $root.Name + "': " + $_.Exception.Message))
            }
        }
        $left = @(Hyper-V\Get-VMSnapshot -VM $vm -ErrorAction Stop)
        if ($left.Count -gt 0) {
            throw (New-AgentError -Code 'verify_failed' -Object ([string] $left[0].Name) -Message ("checkpoint '" + $left[0].Name + "' is still present after its removal"))
        }
        $removed = $snapshots.Count
    }
    $mergeFiles = @()
    if ($removed -gt 0) { $mergeFiles = @($Job.Plan.merge_files) }
    $holder = @{ Waiting = $null }
    $done = Wait-AgentCondition -TimeoutSeconds ([double] $Job.Options.merge_timeout_seconds) -IntervalMilliseconds 500 -Condition {
        $now = Get-AgentVm -Id $Job.Payload.vm_id
        # "Merging disks" (a host may add a percentage): compare the start only.
        if ($null -ne $now -and ([string] $now.Status).StartsWith('Merging', [System.StringComparison]::OrdinalIgnoreCase)) {
            $holder.Waiting = "VM '" + $now.Name + "' (Merging disks)"
            return $false
        }
        foreach ($file in $mergeFiles) {
            if (Test-Path -LiteralPath $file) {
                $holder.Waiting = $file
                return $false
            }
        }
        return $true
    }
    if (-not $done) {
        throw (New-AgentError -Code 'merge_timeout' -Object $holder.Waiting -Message ('the checkpoint merge did not finish within ' + $Job.Options.merge_timeout_seconds + " s: still waiting for '" + $holder.Waiting + "'"))
    }
    $Job.Vm = Get-AgentVm -Id $Job.Payload.vm_id
    if ($removed -eq 0) {
        return New-StepOutcome -Skipped -Detail 'the VM has no checkpoints'
    }
    return New-StepOutcome -Detail ([string] $removed + ' checkpoints removed and merged')
}
