function Write-AgentEvent {
    <#
    .SYNOPSIS
    Emits one structured event: the marker '##hvagent ' and compact JSON on a single line.
    .DESCRIPTION
    Written with Write-Host, like the log lines, so events and logs stream in order over WinRM and SSH and on the
    standard output of pwsh -File. Every event carries `type` and `job_id` first, then the given fields.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [ValidateSet('plan', 'step', 'warning', 'result')] [string] $Type,
        [System.Collections.IDictionary] $Fields = @{}
    )
    $event = [ordered]@{
        type   = $Type
        job_id = $script:AgentJobId
    }
    foreach ($key in $Fields.Keys) {
        $event[$key] = $Fields[$key]
    }
    Write-Host -Object ('##hvagent ' + (ConvertTo-AgentJson -InputObject $event))
}
