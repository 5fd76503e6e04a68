#Requires -Version 7.5
<#
.SYNOPSIS
Controls the lab host: injects and clears faults, locks and unlocks files, tunes the simulator's delays, removes
a sandbox. Lab only; never deployed.

.DESCRIPTION
The control plane starts it through buildLabCommand (simulator modules first on PSModulePath, HVSIM_ROOT = the
lab sandbox) with one request on standard input, and calls the simulator's control cmdlets (module HvSim,
powershell/simulator/README.md). Values arrive as JSON data, never as command text.

Actions:
  inject         Set-SimFault  (command_name, target, kind 'fail'|'hang', message, seconds, count)
  clear          Clear-SimFault (id, command_name; neither: every fault and every Lock-SimFile lock)
  lock_file      Lock-SimFile (path, seconds)
  unlock_file    Unlock-SimFile (path)
  list           nothing; reports the faults and fault locks
  behaviour      Set-SimBehaviour (release_delay_ms, merge_delay_ms, transition_delay_ms)
  remove_sandbox Remove-SimSandbox (path): clears the immutable attribute of locked files, then deletes

.INPUTS
System.String. Base64 of compact UTF-8 JSON: {"action": "...", ...}.

.OUTPUTS
One '##hvagent ' result event with `faults` and `locks` (the faults and Lock-SimFile locks now in force; not for
remove_sandbox) and, for inject, `fault`. Exit code 0; 1 the action failed; 2 invalid request.

.EXAMPLE
'eyJhY3Rpb24iOiJsaXN0In0=' | pwsh -NoProfile -NonInteractive -File Invoke-LabControl.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$text = (@($input) -join '').Trim()
if ($text -eq '' -and [Console]::IsInputRedirected) {
    $text = [Console]::In.ReadToEnd().Trim()
}

function Write-LabResult {
    <#
    .SYNOPSIS
    Prints the result event: '##hvagent ' and compact JSON.
    #>
    param([string] $Status, $ErrorInfo, [System.Collections.IDictionary] $Fields = @{})
    $event = [ordered]@{ type = 'result'; job_id = $null; status = $Status; error = $ErrorInfo }
    foreach ($key in $Fields.Keys) {
        $event[$key] = $Fields[$key]
    }
    Write-Host -Object ('##hvagent ' + (ConvertTo-Json -InputObject $event -Compress -Depth 10 -EscapeHandling EscapeNonAscii))
}

try {
    $request = ConvertFrom-Json -InputObject ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($text))) -AsHashtable
    if ($request -isnot [System.Collections.IDictionary] -or $request['action'] -isnot [string]) {
        throw 'the request has no action'
    }
} catch {
    Write-LabResult -Status 'failed' -ErrorInfo ([ordered]@{ code = 'invalid_request'; message = $_.Exception.Message })
    exit 2
}

try {
    Import-Module -Name HvSim
    $fields = [ordered]@{}
    switch ($request.action) {
        'inject' {
            $parameters = @{ CommandName = [string] $request.command_name; Kind = [string] $request.kind }
            if ($request['target']) { $parameters.Target = [string] $request.target }
            if ($request['message']) { $parameters.Message = [string] $request.message }
            if ($null -ne $request['seconds']) { $parameters.Seconds = [double] $request.seconds }
            if ($null -ne $request['count']) { $parameters.Count = [int] $request.count }
            $fields.fault = Set-SimFault @parameters
        }
        'clear' {
            $parameters = @{}
            if ($request['id']) { $parameters.Id = [string] $request.id }
            if ($request['command_name']) { $parameters.CommandName = [string] $request.command_name }
            Clear-SimFault @parameters
        }
        'lock_file' {
            $parameters = @{ Path = [string] $request.path }
            if ($null -ne $request['seconds']) { $parameters.Seconds = [double] $request.seconds }
            Lock-SimFile @parameters
        }
        'unlock_file' { Unlock-SimFile -Path ([string] $request.path) }
        'list' { }
        'behaviour' {
            $parameters = @{}
            if ($null -ne $request['release_delay_ms']) { $parameters.ReleaseDelayMs = [int] $request.release_delay_ms }
            if ($null -ne $request['merge_delay_ms']) { $parameters.MergeDelayMs = [int] $request.merge_delay_ms }
            if ($null -ne $request['transition_delay_ms']) { $parameters.TransitionDelayMs = [int] $request.transition_delay_ms }
            Set-SimBehaviour @parameters
        }
        'remove_sandbox' {
            Remove-SimSandbox -Path ([string] $request.path) -Confirm:$false
            Write-LabResult -Status 'succeeded' -ErrorInfo $null
            exit 0
        }
        default { throw ('unknown action ' + $request.action) }
    }
    $state = Get-SimState
    $fields.faults = @($state.faults)
    $fields.locks = @($state.locks | Where-Object -FilterScript { $_.reason -eq 'fault' })
    Write-LabResult -Status 'succeeded' -ErrorInfo $null -Fields $fields
    exit 0
} catch {
    Write-LabResult -Status 'failed' -ErrorInfo ([ordered]@{ code = 'lab_control_failed'; message = $_.Exception.Message })
    exit 1
}
