function Invoke-SimSettle {
    <#
    .SYNOPSIS
    Applies what the passing of time has decided since the last call: finished transitions and merges, cluster
    group states that follow their VMs, VM status, and file locks (expired ones released, in-use ones applied).
    .DESCRIPTION
    Runs inside every transaction, so the simulated host is always evaluated lazily and consistently.
    Returns $true when the state changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Root
    )
    $now = [datetime]::UtcNow
    $changed = $false
    if (Complete-SimTransition -State $State -Now $now) { $changed = $true }
    if (Complete-SimMerge -State $State -Root $Root -Now $now) { $changed = $true }
    if (Sync-SimClusterGroup -State $State) { $changed = $true }
    if (Update-SimVMStatus -State $State) { $changed = $true }
    if (Update-SimLockTable -State $State -Root $Root -Now $now) { $changed = $true }
    $changed
}
