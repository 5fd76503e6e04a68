function Close-SimStateLock {
    <#
    .SYNOPSIS
    Releases what Open-SimStateLock took: the state.lock file, then the mutex.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [hashtable] $Lock
    )
    $Lock.Stream.Dispose()
    $Lock.Mutex.ReleaseMutex()
    $Lock.Mutex.Dispose()
}
