<#
.SYNOPSIS
Test fixture: starts a native child process, then hangs in a way Ctrl+C cannot end (a finally block that sleeps),
so only killing the process tree stops it.
#>
param()
$child = Start-Process -FilePath 'sleep' -ArgumentList '300' -PassThru
Write-Host -Object ('child ' + $child.Id)
try {
    while ($true) {
        Start-Sleep -Milliseconds 100
    }
} finally {
    Start-Sleep -Seconds 120
}
