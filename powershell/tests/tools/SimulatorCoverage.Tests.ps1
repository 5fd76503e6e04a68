# Test-SimulatorCoverage: every Hyper-V\ and FailoverClusters\ command and parameter the bundle calls exists in
# the simulator's modules (here: the fixture modules under fixtures/modules).
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../tools/BundleTools/BundleTools.psd1') -Force
    $fixtures = Join-Path -Path $PSScriptRoot -ChildPath 'fixtures'
    $modules = Join-Path -Path $fixtures -ChildPath 'modules'
}

Describe 'Get-ModuleCommandName' {
    It 'reads an explicit FunctionsToExport list' {
        Get-ModuleCommandName -ModulePath (Join-Path -Path $modules -ChildPath 'Hyper-V') | Should -Be @('Get-VM', 'Stop-VM')
    }

    It 'falls back to the Verb-Noun functions of the source when the manifest exports *' {
        Get-ModuleCommandName -ModulePath (Join-Path -Path $modules -ChildPath 'FailoverClusters') | Should -Be @('Get-ClusterGroup', 'Remove-ClusterGroup')
    }
}

Describe 'Test-SimulatorCoverage' {
    It 'finds nothing when every command and parameter (named, abbreviated, common, splatted) exists' {
        Test-SimulatorCoverage -BundlePath (Join-Path -Path $fixtures -ChildPath 'coverage/covered') -ModulesPath $modules |
            ForEach-Object -Process { "$($_.Line) $($_.Problem)" } | Should -BeNullOrEmpty
    }

    It 'reports missing commands, unexported commands and missing parameters, splatted ones too' {
        $gaps = @(Test-SimulatorCoverage -BundlePath (Join-Path -Path $fixtures -ChildPath 'coverage/gaps') -ModulesPath $modules)
        $summary = $gaps | ForEach-Object -Process { "$($_.Line) $($_.Command) $($_.Parameter)".Trim() }
        $summary | Should -Be @(
            '2 Hyper-V\Remove-VMThing'
            '3 Hyper-V\Get-VM Bogus'
            '5 Hyper-V\Stop-VM Kill'
            '6 FailoverClusters\Get-ClusterNode'
            '7 Hyper-V\Get-VMHiddenThing'
        )
        $gaps[0].Problem | Should -Be "the simulator's Hyper-V module does not export Remove-VMThing"
        $gaps[1].Problem | Should -Be "the simulator's Get-VM has no parameter -Bogus"
        $gaps[0].File | Should -Be 'Invoke-Gaps.ps1'
    }

    It 'exits 1 and prints the gaps when run as a script, 0 when covered' {
        $script = Join-Path -Path $PSScriptRoot -ChildPath '../../tools/Test-SimulatorCoverage.ps1'
        $output = & $script -BundlePath (Join-Path -Path $fixtures -ChildPath 'coverage/gaps') -ModulesPath $modules
        $LASTEXITCODE | Should -Be 1
        $output | Should -Contain 'Invoke-Gaps.ps1:3: Hyper-V\Get-VM: the simulator''s Get-VM has no parameter -Bogus'
        & $script -BundlePath (Join-Path -Path $fixtures -ChildPath 'coverage/covered') -ModulesPath $modules | Out-Null
        $LASTEXITCODE | Should -Be 0
    }
}
