function Update-HostLock {
    <#
    .SYNOPSIS
    Pushes the expiry of the host lock this process holds forward (called at each step), if the lock is still ours.
    .DESCRIPTION
    A long job (a merge can take many minutes) must not look stale to another workstation while it is still
    working. If the file no longer carries our token, the lock was taken over: that is a terminating error, so
    two jobs never keep changing the host at once.
    #>
    [CmdletBinding()]
    param()
    $lock = $script:HeldHostLock
    if ($null -eq $lock) {
        return
    }
    $current = Read-HostLockFile -Path $lock.Path -StaleSeconds $lock.StaleSeconds
    if ($null -eq $current -or $current.Token -ne $lock.Token) {
        $script:HeldHostLock = $null
        throw (New-AgentError -Code 'lock_lost' -Object $lock.Path -Message 'the host lock was taken over by another job; stopping')
    }
    Set-Content -LiteralPath $lock.Path -Value (New-HostLockText -Lock $lock) -Encoding Ascii -ErrorAction Stop
}
