<#
.SYNOPSIS
    Rebuilds real-cmdlets.json from Microsoft's platyPS cmdlet reference pages.

.DESCRIPTION
    Reads <DocsRoot>/hyper-v/<Cmdlet>.md and <DocsRoot>/failoverclusters/<Cmdlet>.md (the layout of
    MicrosoftDocs/windows-powershell-docs, docset/winserver2022-ps) for the cmdlets the agent bundle and the
    simulator care about, and writes the facts of their syntax (parameter sets; each parameter's name, type,
    switch-ness, mandatory flag, position, pipeline input, aliases, accepted values) as JSON. No prose is kept.

    The parameter facts come from each parameter's yaml block; the SYNTAX section gives the set names, the
    default set and the parameter order, and is cross-checked against the yaml blocks: any disagreement is
    reported as a warning (the docs are hand-maintained and occasionally disagree with themselves).

    The source commit of each page is taken from git when DocsRoot is inside a clone, otherwise from a
    "commit:" line in the page's front matter (used for extracts typed in by hand), otherwise left null.

.PARAMETER DocsRoot
    The docset folder, e.g. <clone>/docset/winserver2022-ps.

.PARAMETER OutputPath
    Where to write the JSON. Defaults to real-cmdlets.json next to this script.

.EXAMPLE
    ./Update-RealCmdletReference.ps1 -DocsRoot ~/src/windows-powershell-docs/docset/winserver2022-ps
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $DocsRoot,

    [string] $OutputPath = (Join-Path -Path $PSScriptRoot -ChildPath 'real-cmdlets.json')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The cmdlets the project depends on, by module and docs folder. Add a name here, rerun, and review the diff.
$catalog = [ordered]@{
    'Hyper-V'          = @{
        Folder  = 'hyper-v'
        Cmdlets = @('Get-VM', 'Start-VM', 'Stop-VM', 'Save-VM', 'Suspend-VM', 'Resume-VM', 'Get-VMHardDiskDrive',
            'Remove-VMHardDiskDrive', 'Get-VHD', 'Get-VMDvdDrive', 'Set-VMDvdDrive', 'Remove-VMDvdDrive',
            'Get-VMSnapshot', 'Remove-VMSnapshot', 'Remove-VMSavedState', 'Remove-VM', 'Get-VMHost')
    }
    'FailoverClusters' = @{
        Folder  = 'failoverclusters'
        Cmdlets = @('Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Stop-ClusterGroup',
            'Start-ClusterGroup', 'Remove-ClusterGroup', 'Get-ClusterSharedVolume')
    }
}

# Name of the single parameter set of a cmdlet whose page has no "### <set>" headings, as PowerShell names it.
$allSetsName = '__AllParameterSets'

function Get-MarkdownSection {
    # Lines of "## <Heading>" up to the next "## " heading.
    param([string[]] $Lines, [string] $Heading)
    $inside = $false
    foreach ($line in $Lines) {
        if ($line -match '^## ') {
            if ($inside) { break }
            $inside = ($line.Trim() -eq "## $Heading")
            continue
        }
        if ($inside) { $line }
    }
}

function Read-SyntaxBlock {
    # Parameter tokens of one syntax code block, in order: name, switch, mandatory, positional.
    param([string] $Text)
    $pattern = '(?<=\s)(?<open>\[{0,2})-(?<name>[A-Za-z][A-Za-z0-9]*)(?<close>\])?(?:\s+<(?<type>[^>]+)>)?'
    foreach ($match in [regex]::Matches($Text, $pattern)) {
        $opens = $match.Groups['open'].Value.Length
        $hasType = $match.Groups['type'].Success
        $closesName = $match.Groups['close'].Success
        [pscustomobject]@{
            Name       = $match.Groups['name'].Value
            Switch     = -not $hasType
            # [[-X] <T>] optional positional; [-X] <T> mandatory positional; -X <T> mandatory; [-X <T>], [-X] optional
            Mandatory  = if ($hasType) { ($opens -eq 0) -or ($opens -eq 1 -and $closesName) } else { $opens -eq 0 }
            Positional = $hasType -and $closesName
        }
    }
}

function Read-SyntaxSection {
    # Parameter sets in page order: name, default flag, tokens.
    param([string[]] $Lines)
    $sets = New-Object System.Collections.Generic.List[object]
    $current = $null
    $inCode = $false
    $code = ''
    foreach ($line in $Lines) {
        if ($line -match '^### (?<set>\S+)(?<default> \(Default\))?') {
            $current = [pscustomobject]@{ Name = $Matches['set']; IsDefault = [bool]$Matches['default']; Tokens = @() }
            $sets.Add($current)
            continue
        }
        if ($line -match '^```') {
            if ($inCode) {
                if ($null -eq $current) {
                    $current = [pscustomobject]@{ Name = $allSetsName; IsDefault = $true; Tokens = @() }
                    $sets.Add($current)
                }
                $current.Tokens = @(Read-SyntaxBlock -Text (' ' + $code))
                $code = ''
            }
            $inCode = -not $inCode
            continue
        }
        if ($inCode) { $code += ' ' + $line }
    }
    if ($sets.Count -eq 1) { $sets[0].IsDefault = $true }
    return , $sets
}

function Read-ParameterBlocks {
    # One record per (parameter, yaml block) from the PARAMETERS section; CommonParameters ends it.
    param([string[]] $Lines)
    $name = $null
    $inYaml = $false
    $fields = $null
    foreach ($line in $Lines) {
        if ($line -match '^### CommonParameters') { break }
        if ($line -match '^### -(?<name>\S+)') { $name = $Matches['name']; continue }
        if ($line -match '^```yaml') { $inYaml = $true; $fields = @{}; continue }
        if ($inYaml -and $line -match '^```') {
            $inYaml = $false
            [pscustomobject]@{ Name = $name; Fields = $fields }
            continue
        }
        if ($inYaml -and $line -match '^(?<key>[^:]+):\s*(?<value>.*)$') {
            $fields[$Matches['key'].Trim()] = $Matches['value'].Trim()
        }
    }
}

function Split-List {
    param([string] $Value)
    if ([string]::IsNullOrWhiteSpace($Value)) { return , @() }
    return , @($Value -split ',' | ForEach-Object -Process { $_.Trim() } | Where-Object -FilterScript { $_ })
}

function ConvertTo-ParameterFact {
    param([string] $Name, [hashtable] $Fields)
    $pipeline = [string]$Fields['Accept pipeline input']
    $position = [string]$Fields['Position']
    $fact = [ordered]@{
        name                   = $Name
        type                   = $Fields['Type']
        switch                 = ($Fields['Type'] -eq 'SwitchParameter')
        mandatory              = ($Fields['Required'] -eq 'True')
        position               = if ($position -match '^\d+$') { [int]$position } else { $null }
        pipelineByValue        = ($pipeline -match 'ByValue')
        pipelineByPropertyName = ($pipeline -match 'ByPropertyName')
        aliases                = Split-List -Value $Fields['Aliases']
    }
    $accepted = Split-List -Value $Fields['Accepted values']
    if ($accepted.Count -gt 0) { $fact['acceptedValues'] = $accepted }
    return $fact
}

function Get-SourceCommit {
    param([string] $Path, [string[]] $FrontMatter)
    $git = Get-Command -Name git -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($git) {
        $folder = Split-Path -Path $Path -Parent
        $commit = & $git.Source -C $folder log -1 --format=%H -- (Split-Path -Path $Path -Leaf) 2>$null
        if ($LASTEXITCODE -eq 0 -and $commit) { return $commit.Trim() }
    }
    foreach ($line in $FrontMatter) {
        if ($line -match '^commit:\s*(?<sha>[0-9a-fA-F]{40})\s*$') { return $Matches['sha'].ToLowerInvariant() }
    }
    return $null
}

function Read-CmdletPage {
    param([string] $Path, [string] $Module, [string] $Cmdlet, [string] $DocPath)
    $lines = Get-Content -LiteralPath $Path
    $frontMatterEnd = [Array]::IndexOf($lines, '---', 1)
    $frontMatter = if ($lines[0] -eq '---' -and $frontMatterEnd -gt 0) { $lines[1..($frontMatterEnd - 1)] } else { @() }

    $syntaxSets = Read-SyntaxSection -Lines @(Get-MarkdownSection -Lines $lines -Heading 'SYNTAX')
    $blocks = @(Read-ParameterBlocks -Lines @(Get-MarkdownSection -Lines $lines -Heading 'PARAMETERS'))
    $setNames = @($syntaxSets | ForEach-Object -Process { $_.Name })

    $parameterSets = [ordered]@{}
    foreach ($set in $syntaxSets) {
        $members = New-Object System.Collections.Generic.List[object]
        foreach ($block in $blocks) {
            $covers = Split-List -Value $block.Fields['Parameter Sets']
            if ($covers -notcontains '(All)' -and $covers -notcontains $set.Name) { continue }
            if ($members | Where-Object -FilterScript { $_.name -eq $block.Name }) {
                Write-Warning "$Cmdlet -$($block.Name): more than one yaml block covers set $($set.Name)"
                continue
            }
            $members.Add((ConvertTo-ParameterFact -Name $block.Name -Fields $block.Fields))
        }
        # Cross-check the yaml membership and flags against the syntax block of the same set.
        $tokenNames = @($set.Tokens | ForEach-Object -Process { $_.Name })
        foreach ($member in $members) {
            $token = $set.Tokens | Where-Object -FilterScript { $_.Name -eq $member.name } | Select-Object -First 1
            if (-not $token) { Write-Warning "$Cmdlet set $($set.Name): -$($member.name) is in the yaml but not the syntax"; continue }
            if ($token.Switch -ne $member.switch) { Write-Warning "$Cmdlet set $($set.Name): -$($member.name) switch-ness differs" }
            if ($token.Mandatory -ne $member.mandatory) { Write-Warning "$Cmdlet set $($set.Name): -$($member.name) mandatory differs" }
            if ($token.Positional -ne ($null -ne $member.position)) { Write-Warning "$Cmdlet set $($set.Name): -$($member.name) position differs" }
        }
        foreach ($tokenName in $tokenNames) {
            if (-not ($members | Where-Object -FilterScript { $_.name -eq $tokenName })) {
                Write-Warning "$Cmdlet set $($set.Name): -$tokenName is in the syntax but has no yaml block"
            }
        }
        # Keep the syntax order: it is the order a reader of the docs sees.
        $ordered = @($members | Sort-Object -Property @{ Expression = { $i = [Array]::IndexOf($tokenNames, $_.name); if ($i -lt 0) { 999 } else { $i } } })
        $parameterSets[$set.Name] = $ordered
    }
    foreach ($block in $blocks) {
        foreach ($covered in (Split-List -Value $block.Fields['Parameter Sets'])) {
            if ($covered -ne '(All)' -and $setNames -notcontains $covered) {
                Write-Warning "$Cmdlet -$($block.Name): yaml names set '$covered' that the syntax lacks"
            }
        }
    }

    $default = $syntaxSets | Where-Object -FilterScript { $_.IsDefault } | Select-Object -First 1
    return [ordered]@{
        module              = $Module
        name                = $Cmdlet
        docPath             = $DocPath
        commit              = Get-SourceCommit -Path $Path -FrontMatter $frontMatter
        defaultParameterSet = if ($default) { $default.Name } else { $null }
        parameterSets       = $parameterSets
    }
}

$cmdlets = [ordered]@{}
foreach ($module in $catalog.Keys) {
    $entry = $catalog[$module]
    foreach ($cmdlet in $entry.Cmdlets) {
        $path = Join-Path -Path (Join-Path -Path $DocsRoot -ChildPath $entry.Folder) -ChildPath "$cmdlet.md"
        if (-not (Test-Path -LiteralPath $path)) { throw "Missing reference page: $path" }
        $docPath = "docset/winserver2022-ps/$($entry.Folder)/$cmdlet.md"
        $cmdlets["$module\$cmdlet"] = Read-CmdletPage -Path $path -Module $module -Cmdlet $cmdlet -DocPath $docPath
    }
}

$document = [ordered]@{
    source  = 'MicrosoftDocs/windows-powershell-docs, docset/winserver2022-ps/<module folder>/<Cmdlet>.md ' +
        '(platyPS pages; per-cmdlet docPath and commit below). Facts only, generated by Update-RealCmdletReference.ps1.'
    cmdlets = $cmdlets
}
$json = $document | ConvertTo-Json -Depth 10
# LF line endings and no BOM, so regenerating on any OS gives the same bytes.
[System.IO.File]::WriteAllText($OutputPath, ($json -replace "`r`n", "`n") + "`n", (New-Object System.Text.UTF8Encoding($false)))
Write-Host "Wrote $($cmdlets.Count) cmdlets to $OutputPath"
