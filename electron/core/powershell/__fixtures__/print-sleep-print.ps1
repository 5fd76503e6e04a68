<#
.SYNOPSIS
Test fixture: prints a line, sleeps one second, prints another.
#>
param()
Write-Host -Object 'first line'
Start-Sleep -Seconds 1
Write-Host -Object 'second line'
