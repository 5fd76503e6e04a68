function Enter-HostLock {
    <#
    .SYNOPSIS
    Takes the host lock (S10): one mutating job per host, across every workstation that talks to it.
    .DESCRIPTION
    The lock is the file <data root>\host.lock holding job id, owner, a random token, start and expiry. It is
    created exclusively (New-Item fails when the file exists) and read back to confirm the token is ours. A lock
    held by another job and not expired refuses this job (code lock_held, naming the holder). An expired lock is
    taken over with a warning, as is one whose process on this computer has ended (a killed PowerShell never
    released it). Release it with Exit-HostLock (the entry scripts do, also on failure).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $JobId,
        [Parameter(Mandatory = $true)] [string] $Owner,
        [Parameter(Mandatory = $true)] [long] $StaleSeconds
    )
    $root = Get-AgentDataRoot
    Initialize-AgentFolder -Path $root
    $path = Join-WindowsPath -Path $root -ChildName 'host.lock'
    $lock = [pscustomobject]@{
        Path         = $path
        JobId        = $JobId
        Owner        = $Owner
        Token        = [guid]::NewGuid().ToString()
        StartedAt    = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        StaleSeconds = $StaleSeconds
    }
    for ($attempt = 1; $attempt -le 3; $attempt++) {
        $created = $false
        try {
            New-Item -ItemType File -Path $path -Value (New-HostLockText -Lock $lock) -ErrorAction Stop | Out-Null
            $created = $true
        } catch {
            $created = $false
        }
        if ($created) {
            $readBack = Read-HostLockFile -Path $path -StaleSeconds $StaleSeconds
            if ($null -ne $readBack -and $readBack.Token -eq $lock.Token) {
                $script:HeldHostLock = $lock
                return $lock
            }
            continue
        }
        $holder = Read-HostLockFile -Path $path -StaleSeconds $StaleSeconds
        if ($null -eq $holder) {
            continue
        }
        $holderText = "job '" + $holder.JobId + "' of '" + $holder.Owner + "' (since " + $holder.StartedAt + ')'
        if ($holder.Unreadable) {
            $holderText = 'an unreadable lock file'
        }
        if ((Get-UnixTime) -lt $holder.ExpiresAt -and -not $holder.HolderGone) {
            throw (New-AgentError -Code 'lock_held' -Object $path -Message ('the host is busy: ' + $holderText + ' holds the host lock'))
        }
        # Re-read right before removing, so a lock another job has just taken over is not removed; a job that
        # loses a takeover race anyway finds out at its next step (Update-HostLock checks the token).
        $again = Read-HostLockFile -Path $path -StaleSeconds $StaleSeconds
        if ($null -ne $again -and $again.Token -eq $holder.Token -and $again.ExpiresAt -eq $holder.ExpiresAt) {
            $why = 'the stale host lock of '
            if ($holder.HolderGone) { $why = 'the host lock of a process that has ended (' + $holder.ProcessId + '), ' }
            Write-AgentWarning -Path $path -Message ('taking over ' + $why + $holderText)
            Remove-AgentFile -Path $path -Attempts 3 -DelayMilliseconds 200 | Out-Null
        }
    }
    throw (New-AgentError -Code 'lock_held' -Object $path -Message 'could not take the host lock: another job took it at the same time')
}
