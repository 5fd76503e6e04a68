function Remove-AgentFile {
    <#
    .SYNOPSIS
    Deletes one file and verifies it is gone, retrying while the host still holds it; returns 'deleted' or 'absent'.
    .DESCRIPTION
    Hyper-V does not always release a file at once (after a detach, a Remove-VM or a merge), so a failed delete
    is retried Attempts times, DelayMilliseconds apart. A file that is still there after the last attempt is a
    terminating error (code file_locked) that names the file and carries the host's last message.
    Only Test-Path / Remove-Item with -LiteralPath: the path is data, never a wildcard pattern.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [int] $Attempts = 10,
        [int] $DelayMilliseconds = 3000
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        return 'absent'
    }
    $lastError = 'the file was still present after the delete'
    for ($attempt = 1; $attempt -le $Attempts; $attempt++) {
        try {
            Remove-Item -LiteralPath $Path -Force -ErrorAction Stop
        } catch {
            $lastError = $_.Exception.Message
        }
        if (-not (Test-Path -LiteralPath $Path)) {
            return 'deleted'
        }
        if ($attempt -lt $Attempts) {
            Write-AgentLog -Message ("'" + $Path + "' is still in use (attempt " + $attempt + ' of ' + $Attempts + '); retrying')
            Start-Sleep -Milliseconds $DelayMilliseconds
        }
    }
    throw (New-AgentError -Code 'file_locked' -Object $Path -Message ("could not delete '" + $Path + "' after " + $Attempts + ' attempts: ' + $lastError))
}
