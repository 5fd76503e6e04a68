<#
.SYNOPSIS
Test fixture: emits a failed step and a failed result event, then exits 1, as the agent does when a job fails.
#>
param()
$null = @($input)
Write-Host -Object '##hvagent {"type":"step","job_id":"j-1","id":"validate","name":"Validate the request","status":"failed","detail":"VM is Running"}'
Write-Host -Object '##hvagent {"type":"result","job_id":"j-1","status":"failed","error":{"code":"vm_running","message":"VM ''web01'' is Running; force is required","step":"validate","object":null}}'
[Console]::Error.WriteLine('a stray error line')
exit 1
