# The Windows PowerShell 5.1 checker: every rule flags its bad fixture (exactly the lines marked "# flagged",
# and nothing else) and stays silent on its good fixture, which is clean for every rule.
BeforeDiscovery {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../tools/BundleTools/BundleTools.psd1') -Force
    $ruleCases = @(Get-PS51Rule | ForEach-Object -Process { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../tools/BundleTools/BundleTools.psd1') -Force
    $fixtures = Join-Path -Path $PSScriptRoot -ChildPath 'fixtures'
    $checkOptions = @{
        ModuleCommand = @{ 'Hyper-V' = @('Get-VM', 'Stop-VM'); 'FailoverClusters' = @('Get-ClusterGroup') }
        ReferencePath = @(Join-Path -Path $fixtures -ChildPath 'modules')
    }
    function Get-MarkedLineNumber([string] $Path) {
        $lines = [System.IO.File]::ReadAllLines($Path)
        for ($index = 0; $index -lt $lines.Count; $index++) {
            if ($lines[$index] -match '# flagged\s*$') { $index + 1 }
        }
    }
}

Describe 'the rule table' {
    It 'documents every rule in one line and names an existing check function' {
        $rules = @(Get-PS51Rule)
        $rules.Count | Should -BeGreaterThan 15
        $module = Get-Module -Name BundleTools
        foreach ($rule in $rules) {
            $rule.Description | Should -Not -BeNullOrEmpty -Because "rule $($rule.Name) needs its one-line description"
            $rule.Description | Should -Not -Match "`n"
            & $module { param($name) Get-Command -Name $name -CommandType Function -ErrorAction SilentlyContinue } $rule.Check |
                Should -Not -BeNullOrEmpty -Because "rule $($rule.Name) names check $($rule.Check)"
        }
        ($rules.Name | Sort-Object -Unique).Count | Should -Be $rules.Count
    }

    It 'refuses an unknown rule name instead of checking nothing' {
        { Find-PS51Incompatibility -Path $fixtures -Rule 'NoSuchRule' } | Should -Throw -ExpectedMessage '*NoSuchRule*'
    }
}

Describe 'rule <Name>' -ForEach $ruleCases {
    BeforeAll {
        $bad = Join-Path -Path $fixtures -ChildPath "ps51/$Name/bad.ps1"
        $good = Join-Path -Path $fixtures -ChildPath "ps51/$Name/good.ps1"
    }

    It 'has a bad.ps1 with marked lines and a good.ps1 fixture' {
        $bad | Should -Exist
        $good | Should -Exist
        @(Get-MarkedLineNumber -Path $bad).Count | Should -BeGreaterThan 0
    }

    It 'flags exactly the marked lines of bad.ps1, and no other rule fires there' {
        $findings = @(Find-PS51Incompatibility -Path $bad @checkOptions)
        $findings.Rule | Sort-Object -Unique | Should -Be $Name
        $flaggedLines = @($findings.Line | Sort-Object -Unique)
        $flaggedLines | Should -Be @(Get-MarkedLineNumber -Path $bad)
    }

    It 'finds nothing in good.ps1, with any rule' {
        $findings = @(Find-PS51Incompatibility -Path $good @checkOptions)
        $findings | ForEach-Object -Process { "$($_.Line) [$($_.Rule)] $($_.Text)" } | Should -BeNullOrEmpty
    }

    It 'is the only rule that runs with -Rule <Name>' {
        $findings = @(Find-PS51Incompatibility -Path (Join-Path -Path $fixtures -ChildPath 'ps51') -Rule $Name @checkOptions)
        $findings.Count | Should -BeGreaterThan 0
        $findings.Rule | Sort-Object -Unique | Should -Be $Name
        $findings.File | Sort-Object -Unique | Should -Be "$Name/bad.ps1"
    }
}

Describe 'finding details' {
    It 'reports file (relative), line, rule and the offending code' {
        $finding = @(Find-PS51Incompatibility -Path (Join-Path -Path $fixtures -ChildPath 'ps51/Ternary') -Rule Ternary)
        $finding.Count | Should -Be 1
        $finding[0].File | Should -Be 'bad.ps1'
        $finding[0].Line | Should -Be 2
        $finding[0].Text | Should -Be "(`$count -gt 1) ? 'many' : 'one'"
    }

    It 'skips files matching -Exclude' {
        $findings = @(Find-PS51Incompatibility -Path (Join-Path -Path $fixtures -ChildPath 'ps51') -Rule ParseError -Exclude 'ParseError/*')
        $findings | Should -BeNullOrEmpty
    }

    It 'flags ModuleQualified only for the names the caller passes' {
        $bad = Join-Path -Path $fixtures -ChildPath 'ps51/ModuleQualified/bad.ps1'
        @(Find-PS51Incompatibility -Path $bad -Rule ModuleQualified).Count | Should -Be 0
        @(Find-PS51Incompatibility -Path $bad -Rule ModuleQualified -ModuleCommand @{ 'Hyper-V' = @('Stop-VM') }).Line | Should -Be 2
    }

    It 'skips positional arguments of commands without known metadata' {
        # Without the reference modules Hyper-V\Stop-VM is unknown, so its positional 'web01' is not judged.
        $bad = Join-Path -Path $fixtures -ChildPath 'ps51/PositionalParameter/bad.ps1'
        $lines = @(Find-PS51Incompatibility -Path $bad -Rule PositionalParameter).Line | Sort-Object -Unique
        $lines | Should -Not -Contain 11
        $lines | Should -Contain 7
    }
}

Describe 'Test-PS51Compatibility.ps1' {
    BeforeAll {
        $script = Join-Path -Path $PSScriptRoot -ChildPath '../../tools/Test-PS51Compatibility.ps1'
        $modules = Join-Path -Path $fixtures -ChildPath 'modules'
    }

    It 'prints file:line: [rule] text and exits 1 when there are findings' {
        $output = & $script -Path (Join-Path -Path $fixtures -ChildPath 'ps51/ModuleQualified/bad.ps1') -SimulatorModulesPath $modules
        $LASTEXITCODE | Should -Be 1
        $output | Should -Contain "bad.ps1:1: [ModuleQualified] call Hyper-V\Get-VM: Get-VM -Name 'web01'"
        $output[-1] | Should -Be '4 finding(s).'
    }

    It 'exits 0 on clean files' {
        $output = & $script -Path (Join-Path -Path $fixtures -ChildPath 'ps51/ModuleQualified/good.ps1') -SimulatorModulesPath $modules
        $LASTEXITCODE | Should -Be 0
        $output | Should -Be 'No findings.'
    }

    It 'lists the rules with -ListRules' {
        $output = & $script -ListRules
        $LASTEXITCODE | Should -Be 0
        $output.Count | Should -Be @(Get-PS51Rule).Count
        @($output -like 'NonAscii *').Count | Should -Be 1
    }
}
