function Remove-VmFolders {
    <#
    .SYNOPSIS
    The folders step (seed step 6, S5): removes the plan's folders that are empty now, deepest first, one at a
    time and never recursively; keeps and reports every folder that still holds something, with what it holds.
    .DESCRIPTION
    Each folder is checked again first: never a drive root, a cluster shared volume root, the host's default VM
    or disk path, or a folder holding another VM's things (as the host is now).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    Update-DeleteJobReferences -Job $Job
    $protected = @(Get-ProtectedRoots -HostFacts $Job.HostFacts)
    $candidates = @($Job.Plan.folders_to_prune)
    $candidates += @($Job.Plan.folders_to_keep | Where-Object -FilterScript { $_.reason -eq 'not_empty' } | ForEach-Object -Process { $_.path })
    $ordered = @($candidates | Sort-Object -Property @{ Expression = { $_.Length }; Descending = $true }, @{ Expression = { $_ } } -Unique)
    foreach ($folder in $ordered) {
        if (Test-ProtectedFolder -Folder $folder -ProtectedRoots $protected) {
            $Job.FoldersKept.Add([pscustomobject]@{ path = $folder; reason = 'protected_root'; holds = @() })
            continue
        }
        $other = Find-OtherVmContent -Index $Job.Index -Folder $folder
        if ($null -ne $other) {
            $Job.FoldersKept.Add([pscustomobject]@{ path = $folder; reason = 'other_vm'; holds = @(); detail = $other })
            continue
        }
        $outcome = Remove-AgentEmptyFolder -Path $folder -Attempts ([int] $Job.Options.file_retry_attempts) -DelayMilliseconds ([int] $Job.Options.file_retry_delay_ms)
        if ($outcome.Status -eq 'kept') {
            Write-AgentLog -Message ("kept folder '" + $folder + "': it holds " + ($outcome.Holds -join ', '))
            $Job.FoldersKept.Add([pscustomobject]@{ path = $folder; reason = 'not_empty'; holds = @($outcome.Holds) })
        } elseif ($outcome.Status -eq 'removed') {
            Write-AgentLog -Message ("removed empty folder '" + $folder + "'")
            $Job.FoldersRemoved.Add($folder)
        } elseif (@($Job.Plan.folders_to_prune) -contains $folder) {
            # Already gone (a previous run removed it): done.
            $Job.FoldersRemoved.Add($folder)
        }
    }
    return New-StepOutcome -Detail ([string] $Job.FoldersRemoved.Count + ' folders removed, ' + $Job.FoldersKept.Count + ' kept')
}
