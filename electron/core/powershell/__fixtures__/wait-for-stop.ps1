<#
.SYNOPSIS
Test fixture: waits until stopped; its finally block reports that it ran (a graceful stop lets it).
#>
param()
try {
    Write-Host -Object 'ready'
    Start-Sleep -Seconds 120
} finally {
    Write-Host -Object 'cleaned up'
}
