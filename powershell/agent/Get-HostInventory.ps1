<#
.SYNOPSIS
Reports this Hyper-V host and every VM on it as one JSON document (read-only).

.DESCRIPTION
Runs on the Hyper-V host (Windows PowerShell 5.1 or PowerShell 7). The job payload (job_id, requested_by,
control_plane; base64 of compact UTF-8 JSON) is piped in as for the other entry scripts; see
powershell/README.md. The script changes nothing and never takes the host lock, so it may run while a
mutating job holds it.

One `result` event carries `inventory`: host facts (computer name, OS, PowerShell edition and version, Hyper-V
module and version, logical processors, memory), cluster name (or null), the default VM and disk paths, the
cluster shared volume roots, and every VM of this host with id, name, state (by name), status, cluster flag,
CPU count and usage, memory, uptime in seconds, generation, path, disks (with their parent chains), DVD drives
and checkpoints.

.INPUTS
System.String. The base64 payload.

.OUTPUTS
Log lines and '##hvagent {json}' event lines. Exit code 0 success, 1 failed on the host, 2 invalid payload.

.EXAMPLE
$payload | & .\Get-HostInventory.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$pipelineInput = @($input)
Import-Module -Name (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'HvAgent') -ChildPath 'HvAgent.psd1') -Force
Initialize-AgentContext -JobId $null

try {
    $payload = Read-AgentPayload -InputObject $pipelineInput -Kind 'inventory'
} catch {
    Write-AgentEvent -Type 'result' -Fields ([ordered]@{ status = 'failed'; error = (Get-AgentErrorInfo -ErrorRecord $_); inventory = $null })
    exit 2
}

Initialize-AgentContext -JobId $payload.job_id
Write-AgentLog -Message ('inventory, job ' + $payload.job_id + ', requested by ' + $payload.requested_by + ' from ' + $payload.control_plane)
try {
    $inventory = Read-HostInventory
    Write-AgentLog -Message ([string] @($inventory.vms).Count + ' VMs on ' + $inventory.host.computer_name)
    Write-AgentEvent -Type 'result' -Fields ([ordered]@{ status = 'succeeded'; error = $null; inventory = $inventory })
    exit 0
} catch {
    $errorInfo = Get-AgentErrorInfo -ErrorRecord $_
    Write-AgentLog -Message ('inventory failed: ' + $errorInfo.message)
    Write-AgentEvent -Type 'result' -Fields ([ordered]@{ status = 'failed'; error = $errorInfo; inventory = $null })
    exit 1
}
