# The simulated cmdlets have the real cmdlets' names and parameters (tests/reference/real-cmdlets.json, taken
# from Microsoft's documentation), and the simulator's files follow the project's rules.
BeforeDiscovery {
    $referencePath = Join-Path -Path $PSScriptRoot -ChildPath '../reference/real-cmdlets.json'
    $script:hasReference = Test-Path -LiteralPath $referencePath
    $script:cmdlets = @()
    if ($script:hasReference) {
        $reference = Get-Content -LiteralPath $referencePath -Raw | ConvertFrom-Json -AsHashtable
        $script:cmdlets = @($reference.cmdlets.Keys | Where-Object -FilterScript { $_ -like 'Hyper-V\*' -or $_ -like 'FailoverClusters\*' } | Sort-Object | ForEach-Object -Process {
                @{ Key = $_; Real = $reference.cmdlets[$_] }
            })
    }
}
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:common = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)
}

Describe 'parameters match the real cmdlets' -Skip:(-not $script:hasReference) {
    It '<Key>' -ForEach $script:cmdlets {
        $command = Get-Command -Name $Real.name -Module $Real.module -CommandType Function
        $realParameters = @{}
        foreach ($set in $Real.parameterSets.Keys) {
            foreach ($parameter in $Real.parameterSets[$set]) {
                $realParameters[$parameter.name] = $parameter
            }
        }
        $realHasWhatIf = $realParameters.ContainsKey('WhatIf')
        $command.Parameters.ContainsKey('WhatIf') | Should -Be $realHasWhatIf -Because 'SupportsShouldProcess exactly where the real cmdlet has it'
        foreach ($mine in $command.Parameters.Values | Where-Object -FilterScript { $script:common -notcontains $_.Name }) {
            $realParameters.ContainsKey($mine.Name) | Should -BeTrue -Because "the real $($Real.name) has no -$($mine.Name)"
            $realParameter = $realParameters[$mine.Name]
            $mine.SwitchParameter | Should -Be ([bool] $realParameter.switch) -Because "-$($mine.Name) is a switch on one side only"
            @($mine.Aliases | Sort-Object) | Should -Be @($realParameter.aliases | Sort-Object) -Because "aliases of -$($mine.Name)"
            foreach ($set in $Real.parameterSets.Keys) {
                $realInSet = $Real.parameterSets[$set] | Where-Object -FilterScript { $_.name -eq $mine.Name }
                $mineInSet = if ($set -eq '__AllParameterSets' -or $command.ParameterSets.Name -contains $set) { $mine.ParameterSets[$set] } else { $null }
                if (-not $mineInSet -and $mine.ParameterSets.ContainsKey('__AllParameterSets') -and $command.ParameterSets.Name -contains $set) {
                    $mineInSet = $mine.ParameterSets['__AllParameterSets']
                }
                if (-not $realInSet -or -not $mineInSet) {
                    continue
                }
                $because = "-$($mine.Name) in parameter set $set"
                $mineInSet.IsMandatory | Should -Be ([bool] $realInSet.mandatory) -Because $because
                $mineInSet.ValueFromPipeline | Should -Be ([bool] $realInSet.pipelineByValue) -Because $because
                $mineInSet.ValueFromPipelineByPropertyName | Should -Be ([bool] $realInSet.pipelineByPropertyName) -Because $because
                $position = if ($mineInSet.Position -lt 0) { $null } else { $mineInSet.Position }
                $position | Should -Be $realInSet.position -Because $because
            }
        }
    }

    It 'exports only cmdlets the real modules have' {
        $reference = Get-Content -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../reference/real-cmdlets.json') -Raw | ConvertFrom-Json -AsHashtable
        $known = @($reference.cmdlets.Keys)
        foreach ($module in 'Hyper-V', 'FailoverClusters') {
            foreach ($name in (Get-Module -Name $module).ExportedFunctions.Keys) {
                $known | Should -Contain "$module\$name"
            }
        }
    }
}

Describe 'the simulator''s files' {
    It 'are ASCII' {
        $files = Get-ChildItem -LiteralPath $script:SimulatorRoot -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1', '*.ps1xml', '*.json'
        $files.Count | Should -BeGreaterThan 50
        foreach ($file in $files) {
            $text = [System.Text.Encoding]::Latin1.GetString([System.IO.File]::ReadAllBytes($file.FullName))
            $text -match '[^\x00-\x7F]' | Should -BeFalse -Because $file.FullName
        }
    }

    It 'give every exported command comment-based help' {
        foreach ($module in 'HvSim', 'Hyper-V', 'FailoverClusters') {
            foreach ($name in (Get-Module -Name $module).ExportedFunctions.Keys) {
                (Get-Help -Name "$module\$name").Synopsis | Should -Not -Match "^\s*$name\s*(\[|$)" -Because "$module\$name needs a .SYNOPSIS"
            }
        }
    }

    It 'keep one function per file, named after it' {
        $files = Get-ChildItem -LiteralPath (Join-Path -Path $script:SimulatorRoot -ChildPath 'modules') -Recurse -File -Filter '*.ps1'
        foreach ($file in $files) {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $null, [ref] $null)
            $functions = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false))
            $functions.Count | Should -Be 1 -Because $file.Name
            $functions[0].Name | Should -Be $file.BaseName
        }
    }
}
