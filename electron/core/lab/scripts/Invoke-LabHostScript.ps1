#Requires -Version 7.5
<#
.SYNOPSIS
Runs one host-side script of the app (the bundle check or the bundle install) on the lab host, with the lab's
drive letters mapped.

.DESCRIPTION
Lab only; never deployed. The control plane starts it through buildLabCommand (simulator modules first on
PSModulePath, HVSIM_ROOT = the sandbox) with the payload on standard input. A real host has drive C:; the lab
maps C:, D:, ... onto folders of the sandbox when the simulator is imported, so scripts that do not themselves
use Hyper-V (they only touch C:\ProgramData\HvAgent) see the lab's C: too. The payload is piped into the
script unchanged and the script's exit code is this script's.

.PARAMETER ScriptPath
Absolute path of the script to run (one of the app's own scripts; never a user value).

.INPUTS
System.String. The base64 payload, on standard input.

.OUTPUTS
The script's output. Exit code: the script's; 4 when the shim itself was called wrongly.

.EXAMPLE
'eyJ2ZXJzaW9uIjoi...' | pwsh -NoProfile -NonInteractive -File Invoke-LabHostScript.ps1 -ScriptPath /app/deploy/scripts/Get-AgentBundleState.ps1
#>
# Not an advanced script: those refuse pipeline input, and the payload may arrive as $input.
param(
    [string] $ScriptPath
)

$ErrorActionPreference = 'Stop'
$payload = (@($input) -join '').Trim()
if ($payload -eq '' -and [Console]::IsInputRedirected) {
    $payload = [Console]::In.ReadToEnd().Trim()
}
if ([string]::IsNullOrEmpty($ScriptPath) -or -not [System.IO.Path]::IsPathRooted($ScriptPath) -or [string]::IsNullOrEmpty($env:HVSIM_ROOT)) {
    [Console]::Error.WriteLine('lab: -ScriptPath (absolute) and HVSIM_ROOT are required')
    exit 4
}
Import-Module -Name HvSim
Mount-SimDrive
$global:LASTEXITCODE = 0
$payload | & $ScriptPath
exit $global:LASTEXITCODE
