function Write-DeleteResult {
    <#
    .SYNOPSIS
    Emits the delete's `result` event: status, error (code, message, step, object) and what was deleted and kept.
    #>
    [CmdletBinding()]
    param(
        [AllowNull()] $Job,
        [Parameter(Mandatory = $true)] [ValidateSet('succeeded', 'failed')] [string] $Status,
        [AllowNull()] $ErrorRecord = $null
    )
    $errorInfo = $null
    if ($null -ne $ErrorRecord) {
        $errorInfo = Get-AgentErrorInfo -ErrorRecord $ErrorRecord
        Write-AgentLog -Message ('job failed: ' + $errorInfo.message)
    }
    $fields = [ordered]@{ status = $Status; error = $errorInfo; mode = $null; vm = $null
        files_deleted = @(); files_kept = @(); folders_removed = @(); folders_kept = @() }
    if ($null -ne $Job) {
        $fields.mode = $Job.Payload.mode
        $fields.vm = [ordered]@{ id = $Job.Payload.vm_id; name = $Job.Payload.vm_name }
        $kept = @()
        if ($null -ne $Job.Plan) {
            $kept += @($Job.Plan.files_to_keep | ForEach-Object -Process { [ordered]@{ path = $_.path; kind = $_.kind; reason = $_.reason; detail = $_.detail } })
        }
        $kept += @($Job.FilesKept.ToArray())
        $fields.files_deleted = @($Job.FilesDeleted.ToArray())
        $fields.files_kept = $kept
        $fields.folders_removed = @($Job.FoldersRemoved.ToArray())
        $fields.folders_kept = @($Job.FoldersKept.ToArray())
    }
    Write-AgentLog -Message ('result: ' + $Status)
    Write-AgentEvent -Type 'result' -Fields $fields
}
