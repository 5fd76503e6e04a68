<#
.SYNOPSIS
Test fixture: writes host lines, a warning, progress and an error; run with -OutputFormat xml it produced
clixml-pwsh-stderr.txt (pwsh 7.6.9: pwsh -NoProfile -NonInteractive -OutputFormat xml -File clixml-records.ps1).
#>
param()
Write-Host -Object 'host line <1> & "two"'
Write-Warning -Message 'low disk space'
Write-Progress -Activity 'Copying' -Status 'half' -PercentComplete 50
Write-Error -Message "cannot delete 'C:\VMs\web01'`r`nsecond line of the error"
Write-Host -Object 'after the error'
