<#
.SYNOPSIS
    Runs the repository's Pester suite and prints one summary line.

.DESCRIPTION
    Imports the pinned Pester (restored by scripts/ensure-tools.mjs into .tools/nuget), puts the Hyper-V
    simulator modules first on PSModulePath so module-qualified calls such as Hyper-V\Get-VM resolve to the
    simulator, runs every *.Tests.ps1 under the given paths, writes JUnit XML, and prints
    "pester: N passed, N failed, N skipped" as its last line. Failures in setup blocks and files that do not
    load count as failed, so a broken test file can never pass silently.

    Exit code: 0 when nothing failed, 1 otherwise.

.PARAMETER Path
    Test files or folders to run. Default: the folder holding this script (powershell/tests).

.PARAMETER ResultPath
    Where to write the JUnit XML report. Default: test-results/pester.junit.xml at the repository root.

.PARAMETER Output
    Pester's output verbosity: Detailed (default), Normal or Minimal.

.PARAMETER PesterManifest
    The Pester module manifest to import. Default: .tools/nuget/pester/5.7.1/tools/Pester.psd1.

.EXAMPLE
    pwsh -NoProfile -File powershell/tests/Invoke-PesterSuite.ps1

.EXAMPLE
    pwsh -NoProfile -File powershell/tests/Invoke-PesterSuite.ps1 -Path powershell/tests/agent -Output Normal
#>
[CmdletBinding()]
param(
    [string[]] $Path,
    [string] $ResultPath,
    [ValidateSet('Detailed', 'Normal', 'Minimal')]
    [string] $Output = 'Detailed',
    [string] $PesterManifest
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent
if (-not $Path) { $Path = @($PSScriptRoot) }
if (-not $ResultPath) { $ResultPath = Join-Path -Path $repoRoot -ChildPath 'test-results/pester.junit.xml' }
if (-not $PesterManifest) {
    $PesterManifest = Join-Path -Path $repoRoot -ChildPath '.tools/nuget/pester/5.7.1/tools/Pester.psd1'
}

if (-not (Test-Path -LiteralPath $PesterManifest)) {
    Write-Host "Missing: Pester 5.7.1 at $PesterManifest; run: node scripts/ensure-tools.mjs"
    Write-Host 'pester: 0 passed, 1 failed, 0 skipped'
    exit 1
}
Import-Module -Name $PesterManifest -Force

# The simulator's Hyper-V and FailoverClusters modules shadow any real ones for every test and child runspace.
$simulatorModules = Join-Path -Path $repoRoot -ChildPath 'powershell/simulator/modules'
$env:PSModulePath = $simulatorModules + [System.IO.Path]::PathSeparator + $env:PSModulePath

$resultDirectory = Split-Path -Path $ResultPath -Parent
New-Item -ItemType Directory -Path $resultDirectory -Force | Out-Null
# A report left by an earlier run must never be read as this run's result.
Remove-Item -LiteralPath $ResultPath -Force -ErrorAction SilentlyContinue

# Invoke-Pester throws when given no test files; an empty suite is a valid state (0 passed), not an error.
$testFiles = @(Get-ChildItem -Path $Path -Recurse -File -Filter '*.Tests.ps1')
if ($testFiles.Count -eq 0) {
    Write-Host "No *.Tests.ps1 files under: $($Path -join ', ')"
    Set-Content -LiteralPath $ResultPath -Encoding ascii -Value '<?xml version="1.0" encoding="utf-8"?><testsuites tests="0" failures="0" errors="0" />'
    Write-Host 'pester: 0 passed, 0 failed, 0 skipped'
    exit 0
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Run.Throw = $false
$configuration.Output.Verbosity = $Output
$configuration.Should.ErrorAction = 'Stop'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$configuration.CodeCoverage.Enabled = $false

$result = Invoke-Pester -Configuration $configuration

$passed = $result.PassedCount
$skipped = $result.SkippedCount + $result.NotRunCount + $result.InconclusiveCount
# A file that does not load fails no test by itself: count it. A failing BeforeAll already fails the tests
# below it, but a failing AfterAll (or a setup above no test) does not: count such a block once.
$failed = $result.FailedCount + $result.FailedContainersCount
foreach ($block in $result.FailedBlocks) {
    $prefix = $block.ExpandedPath + '.'
    $testsFailedBelow = @($result.Failed | Where-Object { $_.ExpandedPath.StartsWith($prefix) })
    if ($testsFailedBelow.Count -eq 0) { $failed++ }
}

Write-Host ('pester: {0} passed, {1} failed, {2} skipped' -f $passed, $failed, $skipped)
if ($failed -gt 0) { exit 1 }
exit 0
