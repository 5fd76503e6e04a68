function Wait-SimIdle {
    <#
    .SYNOPSIS
    Waits until the simulated host has nothing pending: no transition, no merge, no timed lock.
    .EXAMPLE
    Wait-SimIdle -TimeoutSeconds 10
    #>
    [CmdletBinding()]
    param(
        [ValidateRange(0.1, 3600)]
        [double] $TimeoutSeconds = 30
    )
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $busy = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            @($State.vms | Where-Object -FilterScript { $null -ne $_.transition }).Count +
            @($State.merges).Count +
            @($State.locks | Where-Object -FilterScript { $_.reason -ne 'fault' -and $null -ne $_.until }).Count
        }
        if ($busy -eq 0) {
            return
        }
        if ([datetime]::UtcNow -gt $deadline) {
            throw "The simulated host is still busy after $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 50
    }
}
