<#
.SYNOPSIS
Test fixture: reads its pipeline input first (as the agent's entry scripts do), reports it, then waits until
stopped; its finally block reports that it ran.
#>
param()
$text = (@($input) -join '').Trim()
try {
    Write-Host -Object ('got ' + $text)
    Start-Sleep -Seconds 120
} finally {
    Write-Host -Object 'cleaned up'
}
