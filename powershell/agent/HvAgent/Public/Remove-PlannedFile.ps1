function Remove-PlannedFile {
    <#
    .SYNOPSIS
    Deletes one file of the plan after checking again that no other VM references it now (S3, S9); verifies it
    is gone (bounded retries while locked). Records the outcome in the job's results.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job,
        [Parameter(Mandatory = $true)] [psobject] $File
    )
    $key = Get-WindowsPathKey -Path $File.path
    if ($Job.Index.Files.ContainsKey($key)) {
        $owner = $Job.Index.Files[$key]
        Write-AgentWarning -Path $File.path -Message ("kept '" + $File.path + "': it is now used by " + $owner)
        $Job.FilesKept.Add([pscustomobject]@{ path = $File.path; kind = $File.kind; reason = 'shared'; detail = 'used by ' + $owner })
        return
    }
    $outcome = Remove-AgentFile -Path $File.path -Attempts ([int] $Job.Options.file_retry_attempts) -DelayMilliseconds ([int] $Job.Options.file_retry_delay_ms)
    if ($outcome -eq 'deleted') {
        Write-AgentLog -Message ("deleted '" + $File.path + "'")
    } else {
        Write-AgentLog -Message ("'" + $File.path + "' was already gone")
    }
    $Job.FilesDeleted.Add($File.path)
}
