function Initialize-AgentContext {
    <#
    .SYNOPSIS
    Sets the job id every event of this run carries (null until the payload is read).
    #>
    [CmdletBinding()]
    param(
        [AllowNull()] [string] $JobId
    )
    $script:AgentJobId = $JobId
    $script:HeldHostLock = $null
}
