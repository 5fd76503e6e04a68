<#
.SYNOPSIS
Deletes one Hyper-V VM completely and safely, or (mode "plan") only computes and shows what that would do.

.DESCRIPTION
Runs on the Hyper-V host (Windows PowerShell 5.1 or PowerShell 7). The job payload is compact UTF-8 JSON,
base64-encoded, piped in as pipeline input (or standard input); it is never part of any command text. The
protocol (payload fields, events, exit codes) is in powershell/README.md.

Steps, in order (the seed's seven steps under the safety rules S1-S11 of the product spec):
  validate     find the VM by id, check its name (S1), refuse a VM that is not Off without force (S7)
  lock         take the host lock (S10)                                               [execute only]
  plan         compute the whole plan, emit it, save it on the host for a re-run (S2, S3, S4, S9)
  cluster      remove the VM's cluster role with its resources, verified (S8)         [execute only]
  power        with force, turn the VM off and verify Off (S7)                        [execute only]
  checkpoints  remove every checkpoint and wait for the merge (S4)                    [execute only]
  disks        detach every disk, delete the plan's disk files (S3, S4, S6)            [execute only]
  media        remove DVD drives, delete the plan's ISOs (S4, S6)                     [execute only]
  unregister   Remove-VM, verified; leftover configuration files deleted (S6)         [execute only]
  folders      prune empty folders bottom-up, never recursively (S5)                  [execute only]
A re-run after a failure or an interruption finishes the remaining work (S9).

.INPUTS
System.String. The base64 payload: job_id, vm_id, vm_name, force, mode (plan|execute), requested_by,
control_plane, and optional options.

.OUTPUTS
Log lines and '##hvagent {json}' event lines, written with Write-Host.
Exit code 0 success, 1 failed on the host, 2 invalid payload.

.EXAMPLE
$payload | & .\Invoke-DeleteVmJob.ps1

.EXAMPLE
Invoke-Command -Session $session -FilePath .\Invoke-DeleteVmJob.ps1 -InputObject $payload
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$pipelineInput = @($input)
Import-Module -Name (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'HvAgent') -ChildPath 'HvAgent.psd1') -Force
Initialize-AgentContext -JobId $null

try {
    $payload = Read-AgentPayload -InputObject $pipelineInput -Kind 'delete'
} catch {
    Write-DeleteResult -Job $null -Status 'failed' -ErrorRecord $_
    exit 2
}

Initialize-AgentContext -JobId $payload.job_id
Write-AgentLog -Message ("delete VM '" + $payload.vm_name + "' (" + $payload.vm_id + '), mode ' + $payload.mode + ', force ' +
    $payload.force + ', job ' + $payload.job_id + ', requested by ' + $payload.requested_by + ' from ' + $payload.control_plane)
$job = New-DeleteJob -Payload $payload
$exitCode = 0
try {
    Invoke-AgentStep -Id 'validate' -Name 'Validate the request' -Action { Test-DeleteRequest -Job $job }
    if ($job.Execute) {
        Invoke-AgentStep -Id 'lock' -Name 'Take the host lock' -Action {
            $owner = $payload.requested_by + ' @ ' + $payload.control_plane
            $null = Enter-HostLock -JobId $payload.job_id -Owner $owner -StaleSeconds $payload.options.lock_stale_seconds
            New-StepOutcome -Detail ('held by job ' + $payload.job_id)
        }
    }
    Invoke-AgentStep -Id 'plan' -Name 'Compute the plan' -Action { Update-DeleteJobPlan -Job $job }
    if ($job.Execute) {
        Invoke-AgentStep -Id 'cluster' -Name 'Remove the cluster role' -Action { Remove-VmClusterRole -Job $job }
        Invoke-AgentStep -Id 'power' -Name 'Turn the VM off' -Action { Stop-VmForDelete -Job $job }
        Invoke-AgentStep -Id 'checkpoints' -Name 'Remove checkpoints and wait for the merge' -Action { Remove-VmCheckpointTree -Job $job }
        Invoke-AgentStep -Id 'disks' -Name 'Detach and delete disks' -Action { Remove-VmDiskFiles -Job $job }
        Invoke-AgentStep -Id 'media' -Name 'Remove DVD drives and ISO files' -Action { Remove-VmMediaFiles -Job $job }
        Invoke-AgentStep -Id 'unregister' -Name 'Unregister the VM' -Action { Unregister-DeleteVm -Job $job }
        Invoke-AgentStep -Id 'folders' -Name 'Prune empty folders' -Action { Remove-VmFolders -Job $job }
        Remove-SavedDeletePlan -VmId $payload.vm_id
    }
    Write-DeleteResult -Job $job -Status 'succeeded'
} catch {
    $exitCode = 1
    Write-DeleteResult -Job $job -Status 'failed' -ErrorRecord $_
} finally {
    Exit-HostLock
}
exit $exitCode
