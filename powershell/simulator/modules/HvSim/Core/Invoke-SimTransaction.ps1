function Invoke-SimTransaction {
    <#
    .SYNOPSIS
    Runs one read-modify-write of the simulated host under the exclusive state lock.
    .DESCRIPTION
    Takes <sandbox>/state.lock, reads state.json, settles what time has decided (transitions, merges, cluster
    groups, file locks), runs the script block with the state hashtable as its first argument, settles again
    (so a VM that just started has its disks locked at once), and writes state.json atomically when anything
    may have changed. -ReadOnly writes only what settling (or a fault used up) changed. Returns what the
    script block returns. The sandbox is $env:HVSIM_ROOT unless -Root names one.
    Never block (sleep, prompt) inside the script block: other processes wait for the lock meanwhile.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [scriptblock] $ScriptBlock,

        [object[]] $ArgumentList = @(),

        [switch] $ReadOnly,

        [string] $Root
    )
    $sandbox = if ($Root) { [System.IO.Path]::GetFullPath($Root) } else { Get-SimRoot }
    $lock = Open-SimStateLock -Root $sandbox
    try {
        $state = Read-SimStateFile -Root $sandbox
        # The drives follow HVSIM_ROOT; building or reading another sandbox by -Root leaves them alone.
        $isCurrent = -not $Root -or ($env:HVSIM_ROOT -and [System.IO.Path]::GetFullPath($env:HVSIM_ROOT) -eq $sandbox)
        if ($isCurrent -and $script:MountedRoot -ne $sandbox) {
            Mount-SimDrive -Root $sandbox -Drive $state.host.drives
        }
        $dirty = Invoke-SimSettle -State $state -Root $sandbox
        # Core functions that change the state inside a read-only transaction (a fault used up) set this.
        $script:TransactionDirty = $false
        $result = & $ScriptBlock $state @ArgumentList
        if ($script:TransactionDirty) {
            $dirty = $true
        }
        if (-not $ReadOnly) {
            $null = Invoke-SimSettle -State $state -Root $sandbox
            $dirty = $true
        }
        if ($dirty) {
            Write-SimStateFile -Root $sandbox -State $state
        }
    }
    finally {
        Close-SimStateLock -Lock $lock
    }
    $result
}
