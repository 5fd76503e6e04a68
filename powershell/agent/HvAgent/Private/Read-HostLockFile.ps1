function Read-HostLockFile {
    <#
    .SYNOPSIS
    Reads the host lock file: $null when absent; otherwise its fields, or Unreadable = $true with the file's age.
    .DESCRIPTION
    HolderGone is true when the lock names a process of this computer that no longer exists: a job whose
    PowerShell was killed (it never reached its finally block) left it, and no job holds it any more. A process
    that exists (even a reused id), another computer, or no process id at all leaves it false.

    A lock file that cannot be parsed (being written right now, or damaged) still counts as held; its expiry is
    then taken from the file's last write time plus the stale timeout given.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [Parameter(Mandatory = $true)] [long] $StaleSeconds
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return $null
    }
    $item = Get-Item -LiteralPath $Path -Force -ErrorAction Stop
    $fallbackExpiry = [long] [math]::Floor(($item.LastWriteTimeUtc - [datetime]'1970-01-01').TotalSeconds) + $StaleSeconds
    try {
        $text = Get-Content -LiteralPath $Path -Raw -ErrorAction Stop
        $data = ConvertFrom-Json -InputObject $text -ErrorAction Stop
        $holderGone = $false
        $processId = 0
        if ($null -ne $data.PSObject.Properties['process_id'] -and $null -ne $data.PSObject.Properties['computer']) {
            $processId = [int] $data.process_id
            if ($processId -gt 0 -and [string] $data.computer -eq [string] $env:COMPUTERNAME) {
                $holderGone = $null -eq (Get-Process -Id $processId -ErrorAction SilentlyContinue)
            }
        }
        return [pscustomobject]@{
            Unreadable = $false
            JobId      = [string] $data.job_id
            Owner      = [string] $data.owner
            Token      = [string] $data.token
            StartedAt  = [string] $data.started_at
            ExpiresAt  = [long] $data.expires_at_unix
            ProcessId  = [int] $processId
            HolderGone = $holderGone
        }
    } catch {
        return [pscustomobject]@{
            Unreadable = $true
            JobId      = ''
            Owner      = ''
            Token      = ''
            StartedAt  = ''
            ExpiresAt  = $fallbackExpiry
            ProcessId  = 0
            HolderGone = $false
        }
    }
}
