function New-HostLockText {
    <#
    .SYNOPSIS
    The JSON text of a host lock: job id, owner, token, start and expiry (ISO and Unix seconds), process, host.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Lock
    )
    $now = Get-UnixTime
    return ConvertTo-AgentJson -InputObject ([ordered]@{
            format          = 1
            job_id          = $Lock.JobId
            owner           = $Lock.Owner
            token           = $Lock.Token
            started_at      = $Lock.StartedAt
            refreshed_at    = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
            expires_at_unix = $now + $Lock.StaleSeconds
            process_id      = $PID
            computer        = [string] $env:COMPUTERNAME
        })
}
