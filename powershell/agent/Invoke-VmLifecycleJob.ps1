<#
.SYNOPSIS
Starts, shuts down (through the guest), turns off or saves one Hyper-V VM, and verifies the new state.

.DESCRIPTION
Runs on the Hyper-V host (Windows PowerShell 5.1 or PowerShell 7). The job payload is compact UTF-8 JSON,
base64-encoded, piped in as pipeline input (or standard input); see powershell/README.md.

Steps: validate (find the VM by id, check its name, refuse an action that is impossible from the VM's state,
before any change), lock (the host lock), then the action step (id = the action: start, shutdown, turnoff or
save), which waits out transitional states, acts on the VM object and waits, bounded by
options.state_timeout_seconds, until the VM reports the target state (Running, Off, Off, Saved).
A VM already in the target state is a success with a warning.

.INPUTS
System.String. The base64 payload: job_id, vm_id, vm_name, action, requested_by, control_plane, options.

.OUTPUTS
Log lines and '##hvagent {json}' event lines, written with Write-Host; the result event carries vm {id, name,
state}. Exit code 0 success, 1 failed on the host, 2 invalid payload.

.EXAMPLE
$payload | & .\Invoke-VmLifecycleJob.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$pipelineInput = @($input)
Import-Module -Name (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'HvAgent') -ChildPath 'HvAgent.psd1') -Force
Initialize-AgentContext -JobId $null

try {
    $payload = Read-AgentPayload -InputObject $pipelineInput -Kind 'lifecycle'
} catch {
    Write-LifecycleResult -Payload $null -Status 'failed' -ErrorRecord $_
    exit 2
}

Initialize-AgentContext -JobId $payload.job_id
Write-AgentLog -Message ($payload.action + " VM '" + $payload.vm_name + "' (" + $payload.vm_id + '), job ' + $payload.job_id +
    ', requested by ' + $payload.requested_by + ' from ' + $payload.control_plane)
$exitCode = 0
try {
    Invoke-AgentStep -Id 'validate' -Name 'Validate the request' -Action {
        Import-HyperVModule
        $vm = Get-AgentVm -Id $payload.vm_id
        if ($null -eq $vm) {
            throw (New-AgentError -Code 'vm_not_found' -Object $payload.vm_id -Message ('this host has no VM with id ' + $payload.vm_id))
        }
        if (-not [string]::Equals([string] $vm.Name, $payload.vm_name, [System.StringComparison]::Ordinal)) {
            throw (New-AgentError -Code 'identity_mismatch' -Object $payload.vm_id -Message ('VM ' + $payload.vm_id + " is named '" + $vm.Name + "', not '" + $payload.vm_name + "'"))
        }
        $state = Get-VmStateName -State $vm.State
        if (-not (Test-VmTransitionalState -BaseState (Get-VmStateName -State $state -Base))) {
            $transition = Get-LifecycleTransition -Action $payload.action -State $state
            if (-not $transition.Possible) {
                throw (New-AgentError -Code 'invalid_transition' -Object $payload.vm_name -Message ("VM '" + $payload.vm_name + "': " + $transition.Reason))
            }
        }
        New-StepOutcome -Detail ("VM '" + $vm.Name + "' is " + $state)
    }
    Invoke-AgentStep -Id 'lock' -Name 'Take the host lock' -Action {
        $owner = $payload.requested_by + ' @ ' + $payload.control_plane
        $null = Enter-HostLock -JobId $payload.job_id -Owner $owner -StaleSeconds $payload.options.lock_stale_seconds
        New-StepOutcome -Detail ('held by job ' + $payload.job_id)
    }
    Invoke-AgentStep -Id $payload.action -Name ('VM ' + $payload.action) -Action {
        Invoke-VmLifecycleAction -VmId $payload.vm_id -Action $payload.action -TimeoutSeconds $payload.options.state_timeout_seconds
    }
    Write-LifecycleResult -Payload $payload -Status 'succeeded'
} catch {
    $exitCode = 1
    Write-LifecycleResult -Payload $payload -Status 'failed' -ErrorRecord $_
} finally {
    Exit-HostLock
}
exit $exitCode
