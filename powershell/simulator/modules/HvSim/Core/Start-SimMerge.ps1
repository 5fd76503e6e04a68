function Start-SimMerge {
    <#
    .SYNOPSIS
    Inside a transaction: starts the merge that removing checkpoints causes, and returns its record ($null when
    nothing merges).
    .DESCRIPTION
    For each removed checkpoint and each disk D it references, the differencing disk created when it was taken
    (the child of D on the chain of the VM's current disk) merges into D. Merges compose, so removing a whole
    tree merges every checkpoint disk into the base disk. The merge completes mergeDelayMs later (Complete-SimMerge):
    until then the merged files and their targets stay locked and the VM's status reads "Merging disks".
    Checkpoints on a branch the current disk does not descend from merge no files (a documented simplification).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $Snapshot
    )
    $chains = @(@($VM.hardDrives) | Where-Object -FilterScript { $_ -and $_.path } | ForEach-Object -Process {
            , @(Get-SimVhdChain -State $State -Path $_.path)
        })
    $pairs = [ordered]@{}
    foreach ($checkpoint in $Snapshot) {
        foreach ($drive in @($checkpoint.hardDrives)) {
            if (-not $drive -or -not $drive.path) {
                continue
            }
            $disk = Format-SimPath -Path $drive.path
            foreach ($chain in $chains) {
                for ($index = 1; $index -lt $chain.Count; $index++) {
                    if ($chain[$index] -ieq $disk) {
                        $pairs[$chain[$index - 1]] = $disk
                    }
                }
            }
        }
    }
    if ($pairs.Count -eq 0) {
        return $null
    }
    $retarget = [ordered]@{}
    foreach ($child in $pairs.Keys) {
        $target = $pairs[$child]
        $guard = 0
        while ($pairs.Contains($target) -and $guard -lt 64) {
            $target = $pairs[$target]
            $guard++
        }
        $retarget[$child] = $target
    }
    $completesAt = [datetime]::UtcNow.AddMilliseconds([int] $State.behaviour.mergeDelayMs)
    $merge = @{
        vmId        = $VM.id
        completesAt = Format-SimTime -Time $completesAt
        files       = @($retarget.Keys)
        retarget    = $retarget
    }
    $State.merges = @($State.merges) + @($merge)
    foreach ($path in @($retarget.Keys) + @($retarget.Values | Sort-Object -Unique)) {
        Add-SimLock -State $State -Path $path -Until $completesAt -Reason 'merge'
    }
    $merge
}
