function Exit-HostLock {
    <#
    .SYNOPSIS
    Releases the host lock this process holds: deletes the lock file if it still carries our token.
    .DESCRIPTION
    Never throws: it runs on the failure path too. A lock that is no longer ours is left alone, with a warning.
    #>
    [CmdletBinding()]
    param()
    $lock = $script:HeldHostLock
    if ($null -eq $lock) {
        return
    }
    $script:HeldHostLock = $null
    try {
        $current = Read-HostLockFile -Path $lock.Path -StaleSeconds $lock.StaleSeconds
        if ($null -ne $current -and $current.Token -eq $lock.Token) {
            Remove-AgentFile -Path $lock.Path -Attempts 5 -DelayMilliseconds 200 | Out-Null
        } else {
            Write-AgentWarning -Path $lock.Path -Message 'the host lock was no longer ours; left as it is'
        }
    } catch {
        Write-AgentWarning -Path $lock.Path -Message ('could not release the host lock: ' + $_.Exception.Message)
    }
}
