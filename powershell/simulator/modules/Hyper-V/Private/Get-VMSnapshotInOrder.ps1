function Get-VMSnapshotInOrder {
    <#
    .SYNOPSIS
    A VM's checkpoint records, parents before children (then by creation time), as Hyper-V lists them.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $VM
    )
    $all = @($VM.snapshots | Where-Object -FilterScript { $_ } | Sort-Object -Property { ConvertTo-SimTime -Value $_.createdAt })
    $emitted = [System.Collections.Generic.HashSet[string]]::new()
    $queue = [System.Collections.Generic.Queue[object]]::new()
    foreach ($checkpoint in $all) {
        if (-not $checkpoint.parentSnapshotId -or -not ($all | Where-Object -FilterScript { $_.id -eq $checkpoint.parentSnapshotId })) {
            $queue.Enqueue($checkpoint)
        }
    }
    while ($queue.Count -gt 0) {
        $checkpoint = $queue.Dequeue()
        if (-not $emitted.Add($checkpoint.id)) {
            continue
        }
        $checkpoint
        foreach ($child in $all | Where-Object -FilterScript { $_.parentSnapshotId -eq $checkpoint.id }) {
            $queue.Enqueue($child)
        }
    }
    foreach ($checkpoint in $all) {
        if (-not $emitted.Contains($checkpoint.id)) {
            $checkpoint
        }
    }
}
