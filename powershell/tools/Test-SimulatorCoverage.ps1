#Requires -Version 7.2
<#
.SYNOPSIS
Checks that the simulator implements every Hyper-V\ and FailoverClusters\ command and parameter the agent
bundle uses; exits 1 and prints the gaps when it does not.

.PARAMETER BundlePath
The agent bundle. Defaults to powershell/agent.

.PARAMETER ModulesPath
The simulator's modules folder. Defaults to powershell/simulator/modules.

.EXAMPLE
./powershell/tools/Test-SimulatorCoverage.ps1
#>
[CmdletBinding()]
param(
    [string] $BundlePath = (Join-Path -Path $PSScriptRoot -ChildPath '../agent'),

    [string] $ModulesPath = (Join-Path -Path $PSScriptRoot -ChildPath '../simulator/modules')
)
$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'BundleTools/BundleTools.psd1') -Force

$gaps = @(Test-SimulatorCoverage -BundlePath $BundlePath -ModulesPath $ModulesPath)
foreach ($gap in $gaps) {
    Write-Output -InputObject "$($gap.File):$($gap.Line): $($gap.Command): $($gap.Problem)"
}
if ($gaps.Count -gt 0) {
    Write-Output -InputObject "$($gaps.Count) gap(s)."
    exit 1
}
Write-Output -InputObject 'The simulator covers every command and parameter the bundle uses.'
exit 0
