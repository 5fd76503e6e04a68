function Find-PS51Incompatibility {
    <#
    .SYNOPSIS
    Parses every .ps1/.psm1/.psd1 under the given paths and reports what Windows PowerShell 5.1 would not run
    (or would run differently), and what the project's script rules forbid.
    .DESCRIPTION
    Returns findings {File, Line, Rule, Text}, File relative to the path it was found under; nothing when
    clean. Get-PS51Rule lists the rules. The files are parsed with the PowerShell 7 parser, so 7-only syntax
    parses and the rules name it; code is never run or imported.
    .PARAMETER Path
    Files or folders to check (folders recursively).
    .PARAMETER Exclude
    Wildcard patterns for files to skip, matched against the path relative to the folder given in -Path
    (forward slashes), e.g. 'tests/tools/fixtures/*'.
    .PARAMETER Rule
    Run only these rules (default: all).
    .PARAMETER ExcludeRule
    Skip these rules.
    .PARAMETER ModuleCommand
    For the ModuleQualified rule: module name -> command names that must be called with that qualifier,
    e.g. @{ 'Hyper-V' = 'Get-VM', 'Stop-VM'; 'FailoverClusters' = 'Get-ClusterGroup' }.
    .PARAMETER ReferencePath
    Scripts whose function definitions describe commands the checked files call but do not define (the
    simulator's modules), so the PositionalParameter rule knows their switches. They are not checked.
    .EXAMPLE
    Find-PS51Incompatibility -Path ./powershell/agent -ModuleCommand @{ 'Hyper-V' = 'Get-VM' }
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string[]] $Path,

        [string[]] $Exclude = @(),

        [string[]] $Rule,

        [string[]] $ExcludeRule = @(),

        [hashtable] $ModuleCommand = @{},

        [string[]] $ReferencePath = @()
    )
    $allRules = @($script:PS51RuleTable.Rules)
    $unknown = @(@($Rule) + @($ExcludeRule) | Where-Object -FilterScript { $_ -and $allRules.Name -notcontains $_ })
    if ($unknown.Count -gt 0) {
        throw "Unknown rule(s): $($unknown -join ', '). Known: $($allRules.Name -join ', ')"
    }
    $selected = $allRules | Where-Object -FilterScript {
        (-not $Rule -or $Rule -contains $_.Name) -and $ExcludeRule -notcontains $_.Name
    }

    $files = @(Get-ScriptFilePath -Path $Path -Exclude $Exclude | ForEach-Object -Process { Read-ScriptFile -FullName $_.FullName -Root $_.Root })
    $references = @()
    if ($ReferencePath.Count -gt 0) {
        $references = @(Get-ScriptFilePath -Path $ReferencePath | ForEach-Object -Process { Read-ScriptFile -FullName $_.FullName -Root $_.Root })
    }
    $environment = New-CheckEnvironment -ParsedFile (@($files) + @($references)) -ModuleCommand $ModuleCommand

    $findings = foreach ($file in $files) {
        foreach ($ruleEntry in $selected) {
            & $ruleEntry.Check -File $file -Rule $ruleEntry -Environment $environment
        }
    }
    $findings | Sort-Object -Property File, Line, Rule -Stable
}
