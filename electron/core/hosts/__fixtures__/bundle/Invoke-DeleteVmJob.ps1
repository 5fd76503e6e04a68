<#
.SYNOPSIS
A stand-in for the agent's delete entry script, for the host executor tests: it speaks the agent protocol and
behaves as the payload's `fixture` field says.

.DESCRIPTION
fixture values:
  stream     four log lines 300 ms apart, step events, a succeeded result (exit 0)
  fail       a failed result naming code, step and object (exit 1)
  crash      an error on standard error and exit 1, no result
  bad-event  a marked line that is not JSON, then exit 0 without a result
  hang       sleeps for ten minutes
  echo       writes the VM name it was given, then a succeeded result
  pid        writes its own process id, then a succeeded result
  die        writes a line, then ends its whole process with exit code 7
#>
param()
$ErrorActionPreference = 'Stop'
$text = (@($input) -join '').Trim()
$payload = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($text)) | ConvertFrom-Json
$jobId = [string] $payload.job_id

function Write-Result {
    param([string] $Status, [object] $ErrorInfo)
    $result = [ordered]@{
        type = 'result'; job_id = $jobId; status = $Status; error = $ErrorInfo; mode = 'plan'; vm = $null
        files_deleted = @(); files_kept = @(); folders_removed = @(); folders_kept = @()
    }
    Write-Host -Object ('##hvagent ' + (ConvertTo-Json -InputObject $result -Depth 5 -Compress))
}

switch ([string] $payload.fixture) {
    'stream' {
        foreach ($index in 1..4) {
            Write-Host -Object ('line ' + $index)
            Write-Host -Object ('##hvagent {"type":"step","job_id":"' + $jobId + '","id":"s' + $index + '","name":"Step","status":"succeeded","detail":""}')
            Start-Sleep -Milliseconds 300
        }
        Write-Result -Status 'succeeded' -ErrorInfo $null
        exit 0
    }
    'fail' {
        Write-Host -Object 'deleting'
        Write-Result -Status 'failed' -ErrorInfo ([ordered]@{ code = 'file_locked'; message = "could not delete 'C:\VMs\db01\db01.vhdx': in use"; step = 'disks'; object = 'C:\VMs\db01\db01.vhdx' })
        exit 1
    }
    'crash' {
        [Console]::Error.WriteLine('the fixture crashed on purpose')
        exit 1
    }
    'bad-event' {
        Write-Host -Object '##hvagent {this is not json'
        exit 0
    }
    'hang' {
        Write-Host -Object 'hanging'
        Start-Sleep -Seconds 600
    }
    'echo' {
        Write-Host -Object ('name=' + [string] $payload.vm_name)
        Write-Result -Status 'succeeded' -ErrorInfo $null
        exit 0
    }
    'pid' {
        Write-Host -Object ('pid=' + [string] $PID)
        Write-Result -Status 'succeeded' -ErrorInfo $null
        exit 0
    }
    'die' {
        Write-Host -Object 'dying'
        [Environment]::Exit(7)
    }
}
Write-Host -Object 'unknown fixture'
exit 1
