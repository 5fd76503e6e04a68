function Get-VMParentSnapshot {
    <#
    .SYNOPSIS
    The checkpoint the VM's current state descends from: the checkpoint whose disk is the parent of the VM's
    first current disk, or else the newest checkpoint; $null without checkpoints.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $VM
    )
    $snapshots = @($VM.snapshots | Where-Object -FilterScript { $_ })
    if ($snapshots.Count -eq 0) {
        return $null
    }
    $first = @($VM.hardDrives | Where-Object -FilterScript { $_ -and $_.path }) | Select-Object -First 1
    if ($first) {
        $chain = @(Get-SimVhdChain -State $State -Path $first.path)
        if ($chain.Count -gt 1) {
            $match = $snapshots | Where-Object -FilterScript { @($_.hardDrives | Where-Object -FilterScript { $_.path -ieq $chain[1] }).Count -gt 0 } | Select-Object -Last 1
            if ($match) {
                return $match
            }
        }
    }
    $snapshots | Sort-Object -Property { ConvertTo-SimTime -Value $_.createdAt } | Select-Object -Last 1
}
