<#
.SYNOPSIS
Test fixture: reads the base64 payload from pipeline input and reports its SHA-256 and text in a result event.
#>
param()
$text = (@($input) -join '').Trim()
$bytes = [Convert]::FromBase64String($text)
$sha = [System.Security.Cryptography.SHA256]::Create()
$hash = -join ($sha.ComputeHash($bytes) | ForEach-Object -Process { $_.ToString('x2') })
$event = [ordered]@{ type = 'result'; job_id = $null; status = 'succeeded'; error = $null; sha256 = $hash; text = [Text.Encoding]::UTF8.GetString($bytes) }
Write-Host -Object ('log: ' + [Text.Encoding]::UTF8.GetString($bytes))
Write-Host -Object ('##hvagent ' + (ConvertTo-Json -InputObject $event -Compress -Depth 5))
