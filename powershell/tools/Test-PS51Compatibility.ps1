#Requires -Version 7.2
<#
.SYNOPSIS
Checks scripts for Windows PowerShell 5.1 compatibility and the project's script rules; exits 1 on findings.

.DESCRIPTION
Parses every .ps1/.psm1/.psd1 under -Path (the agent bundle by default) and prints one line per finding:
"<file>:<line>: [<rule>] <code>". Exit code 0 when clean, 1 when there are findings. The Hyper-V and
FailoverClusters command names for the ModuleQualified rule, and the parameter metadata of those commands,
come from the simulator's modules. Run with -ListRules to print the rules.

.PARAMETER Path
Files or folders to check. Defaults to powershell/agent.

.PARAMETER Rule
Run only these rules (for example -Rule ParseError over code that is PowerShell 7 only).

.PARAMETER ExcludeRule
Skip these rules.

.PARAMETER SimulatorModulesPath
The simulator's modules folder. Defaults to powershell/simulator/modules.

.PARAMETER ListRules
Print the rules with their one-line descriptions and exit.

.EXAMPLE
./powershell/tools/Test-PS51Compatibility.ps1

.EXAMPLE
./powershell/tools/Test-PS51Compatibility.ps1 -Path ./powershell/simulator -Rule ParseError
#>
[CmdletBinding()]
param(
    [string[]] $Path = @(Join-Path -Path $PSScriptRoot -ChildPath '../agent'),

    [string[]] $Rule,

    [string[]] $ExcludeRule = @(),

    [string] $SimulatorModulesPath = (Join-Path -Path $PSScriptRoot -ChildPath '../simulator/modules'),

    [switch] $ListRules
)
$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'BundleTools/BundleTools.psd1') -Force

if ($ListRules) {
    Get-PS51Rule | ForEach-Object -Process { Write-Output -InputObject ('{0,-26} {1}' -f $_.Name, $_.Description) }
    exit 0
}

$moduleCommand = @{}
$referencePath = @()
foreach ($module in 'Hyper-V', 'FailoverClusters') {
    $folder = Join-Path -Path $SimulatorModulesPath -ChildPath $module
    if (Test-Path -LiteralPath $folder -PathType Container) {
        $moduleCommand[$module] = @(Get-ModuleCommandName -ModulePath $folder)
        $referencePath += $folder
    }
    else {
        Write-Warning -Message "No simulator module at ${folder}: the ModuleQualified rule does not know its commands."
    }
}

$parameters = @{ Path = $Path; ExcludeRule = $ExcludeRule; ModuleCommand = $moduleCommand; ReferencePath = $referencePath }
if ($Rule) {
    $parameters.Rule = $Rule
}
$findings = @(Find-PS51Incompatibility @parameters)
foreach ($finding in $findings) {
    Write-Output -InputObject "$($finding.File):$($finding.Line): [$($finding.Rule)] $($finding.Text)"
}
if ($findings.Count -gt 0) {
    Write-Output -InputObject "$($findings.Count) finding(s)."
    exit 1
}
Write-Output -InputObject 'No findings.'
exit 0
