# The checks over the real tree: the committed manifest is current, the bundle passes every Windows
# PowerShell 5.1 rule, every PowerShell file parses, and the simulator covers what the bundle calls.
# Each failure prints one line per problem.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../tools/BundleTools/BundleTools.psd1') -Force
    $powershellRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).ProviderPath
    $agent = Join-Path -Path $powershellRoot -ChildPath 'agent'
    $simulatorModules = Join-Path -Path $powershellRoot -ChildPath 'simulator/modules'
    $simulated = @('Hyper-V', 'FailoverClusters')

    function Format-Report([string[]] $Line) {
        if ($Line) { "`n" + (($Line | ForEach-Object -Process { "  $_" }) -join "`n") + "`n" }
    }
    function Format-Finding($Finding) {
        Format-Report -Line @($Finding | ForEach-Object -Process { "$($_.File):$($_.Line): [$($_.Rule)] $($_.Text)" })
    }
}

Describe 'the real bundle' {
    It 'has a current bundle.manifest.json' {
        $differences = @(Test-BundleManifest -BundlePath $agent)
        Format-Report -Line @($differences | ForEach-Object -Process { $_.Message }) | Should -BeNullOrEmpty -Because 'powershell/agent/bundle.manifest.json is stale: run `npm run manifest`'
    }

    It 'calls commands the simulator modules export (so the ModuleQualified rule is not vacuous)' {
        foreach ($module in $simulated) {
            @(Get-ModuleCommandName -ModulePath (Join-Path -Path $simulatorModules -ChildPath $module)).Count |
                Should -BeGreaterThan 0 -Because "the simulator's $module module lists the commands that must be called $module\..."
        }
    }

    It 'passes every Windows PowerShell 5.1 rule' {
        @(Get-ChildItem -LiteralPath $agent -Recurse -File -Include '*.ps1', '*.psm1').Count | Should -BeGreaterThan 0 -Because 'the bundle has scripts to check'
        $moduleCommand = @{}
        foreach ($module in $simulated) {
            $moduleCommand[$module] = @(Get-ModuleCommandName -ModulePath (Join-Path -Path $simulatorModules -ChildPath $module))
        }
        $references = @($simulated | ForEach-Object -Process { Join-Path -Path $simulatorModules -ChildPath $_ })
        $findings = @(Find-PS51Incompatibility -Path $agent -ModuleCommand $moduleCommand -ReferencePath $references)
        Format-Finding -Finding $findings | Should -BeNullOrEmpty -Because 'the bundle runs on Windows PowerShell 5.1 (powershell/tools/Test-PS51Compatibility.ps1 lists the findings)'
    }

    It 'only calls Hyper-V and FailoverClusters commands and parameters the simulator implements' {
        $gaps = @(Test-SimulatorCoverage -BundlePath $agent -ModulesPath $simulatorModules -Module $simulated)
        $lines = @($gaps | ForEach-Object -Process { "$($_.File):$($_.Line): $($_.Command): $($_.Problem)" })
        Format-Report -Line $lines | Should -BeNullOrEmpty -Because 'the simulator must implement what the bundle calls'
    }
}

Describe 'every PowerShell file' {
    It 'parses (agent, simulator, tools, tests; the deliberately broken fixtures aside)' {
        $findings = @(Find-PS51Incompatibility -Path $powershellRoot -Rule ParseError -Exclude 'tests/tools/fixtures/*')
        Format-Finding -Finding $findings | Should -BeNullOrEmpty -Because 'every script must parse'
    }
}
