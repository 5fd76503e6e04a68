function Write-SimResult {
    <#
    .SYNOPSIS
    Writes a result collected by New-SimResult through the calling cmdlet, so -ErrorAction, -WarningAction
    and -ErrorVariable behave as with a real cmdlet. An injected hang is served here, outside the state lock.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [hashtable] $Result
    )
    if ($Result.HangSeconds -gt 0) {
        Start-Sleep -Milliseconds ([int] ($Result.HangSeconds * 1000))
        $Result.HangSeconds = 0
    }
    foreach ($warning in $Result.Warnings) {
        $Cmdlet.WriteWarning($warning)
    }
    foreach ($record in $Result.Errors) {
        $Cmdlet.WriteError($record)
    }
    foreach ($item in $Result.Output) {
        $Cmdlet.WriteObject($item)
    }
    if ($Result.Terminating) {
        $Cmdlet.ThrowTerminatingError($Result.Terminating)
    }
}
