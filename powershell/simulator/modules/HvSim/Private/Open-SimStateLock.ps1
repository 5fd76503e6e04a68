function Open-SimStateLock {
    <#
    .SYNOPSIS
    Takes the sandbox's exclusive lock: <sandbox>/state.lock opened with FileShare.None (an flock on Linux).
    Close-SimStateLock releases it.
    .DESCRIPTION
    Processes first queue on a named mutex derived from the sandbox path, so the file open normally succeeds
    at once: a failed open throws, and PowerShell records even a caught exception in the -ErrorVariable of
    the cmdlet being run, which a real Hyper-V cmdlet would never do. The file lock stays the contract (a
    holder that skips the mutex still excludes everyone); opening it is retried briefly.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [int] $TimeoutSeconds = 15
    )
    $hash = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($Root))
    $name = 'Global\hvsim-' + [System.Convert]::ToHexString($hash, 0, 12)
    $mutex = [System.Threading.Mutex]::new($false, $name)
    $owned = $false
    try {
        $owned = $mutex.WaitOne([timespan]::FromSeconds($TimeoutSeconds))
    }
    catch [System.Threading.AbandonedMutexException] {
        # A process died inside a transaction; the mutex is ours now and state.json was replaced atomically.
        $owned = $true
    }
    if (-not $owned) {
        $mutex.Dispose()
        throw "Timed out after $TimeoutSeconds s waiting for the simulator state lock of '$Root'."
    }
    $path = [System.IO.Path]::Combine($Root, 'state.lock')
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        try {
            $stream = [System.IO.File]::Open($path, [System.IO.FileMode]::OpenOrCreate, [System.IO.FileAccess]::ReadWrite, [System.IO.FileShare]::None)
            return @{ Mutex = $mutex; Stream = $stream }
        }
        catch [System.IO.IOException] {
            if ([datetime]::UtcNow -gt $deadline) {
                $mutex.ReleaseMutex()
                $mutex.Dispose()
                throw "Timed out after $TimeoutSeconds s waiting for the simulator state lock '$path'."
            }
            Start-Sleep -Milliseconds (Get-Random -Minimum 3 -Maximum 20)
        }
    }
}
