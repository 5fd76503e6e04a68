function Remove-SavedDeletePlan {
    <#
    .SYNOPSIS
    Deletes the saved plan of a delete that has finished (nothing is left for a re-run to do).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId
    )
    Remove-AgentFile -Path (Get-SavedPlanPath -VmId $VmId) -Attempts 3 -DelayMilliseconds 200 | Out-Null
}
