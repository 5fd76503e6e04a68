# Static analysis of module-qualified calls (Hyper-V\X, FailoverClusters\X) in scripts: which parameters each
# call passes, bound the way PowerShell binds them, and whether they fit a parameter set of a signature
# (see CommandSignature.ps1). Dot-sourced by CmdletFidelity.Tests.ps1; pwsh 7 only (test code).

function Get-ScriptAst {
    param([Parameter(Mandatory = $true)] [string] $Path)
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    if ($errors.Count -gt 0) { throw "Parse errors in ${Path}: $($errors[0].Message) (line $($errors[0].Extent.StartLineNumber))" }
    return $ast
}

function Get-ModuleQualifiedCall {
    # Every command call in the file whose name is <Module>\<Command> for one of the given modules.
    param([Parameter(Mandatory = $true)] [string] $Path, [string[]] $Module = @('Hyper-V', 'FailoverClusters'), [string] $RelativeTo)
    $ast = Get-ScriptAst -Path $Path
    $display = if ($RelativeTo) { [System.IO.Path]::GetRelativePath($RelativeTo, $Path) } else { $Path }
    $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($call in $calls) {
        $name = $call.GetCommandName()
        if (-not $name -or $name -notmatch '^(?<module>[^\\]+)\\(?<command>[^\\]+)$') { continue }
        $moduleName = $Module | Where-Object -FilterScript { $_ -eq $Matches['module'] } | Select-Object -First 1
        if (-not $moduleName) { continue }
        [pscustomobject]@{
            File    = $display
            Line    = $call.Extent.StartLineNumber
            Module  = $moduleName
            Command = $Matches['command']
            Key     = "$moduleName\$($Matches['command'])"
            Text    = ($call.Extent.Text -replace '\s+', ' ')
            Ast     = $call
        }
    }
}

function Get-UnqualifiedCall {
    # Calls by bare name to any of the given command names (they would bypass the module-qualified rule).
    param([Parameter(Mandatory = $true)] [string] $Path, [Parameter(Mandatory = $true)] [string[]] $Name, [string] $RelativeTo)
    $ast = Get-ScriptAst -Path $Path
    $display = if ($RelativeTo) { [System.IO.Path]::GetRelativePath($RelativeTo, $Path) } else { $Path }
    $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($call in $calls) {
        $commandName = $call.GetCommandName()
        if ($commandName -and ($Name -contains $commandName)) {
            "${display}:$($call.Extent.StartLineNumber) $commandName"
        }
    }
}

function Resolve-ParameterToken {
    # The parameter a token binds to on a signature: exact name or alias first, then a unique prefix.
    param([Parameter(Mandatory = $true)] [string] $Token, [Parameter(Mandatory = $true)] [object] $Signature)
    $commonAliases = Get-CommonParameterAlias
    $candidates = [ordered]@{}
    foreach ($fact in $Signature.Parameters.Values) { $candidates[$fact.name] = @($fact.name) + @($fact.aliases) }
    foreach ($common in $commonAliases.Keys) { $candidates[$common] = @($common) + $commonAliases[$common] }

    foreach ($canonical in $candidates.Keys) {
        if ($candidates[$canonical] | Where-Object -FilterScript { $_ -eq $Token }) {
            return [pscustomobject]@{ Name = $canonical; IsCommon = ($commonAliases.Keys -contains $canonical); Prefix = $false; Problem = $null }
        }
    }
    $matched = @($candidates.Keys | Where-Object -FilterScript {
            $names = $candidates[$_]
            [bool]($names | Where-Object -FilterScript { $_.StartsWith($Token, [StringComparison]::OrdinalIgnoreCase) })
        })
    if ($matched.Count -eq 1) {
        return [pscustomobject]@{ Name = $matched[0]; IsCommon = ($commonAliases.Keys -contains $matched[0]); Prefix = $true; Problem = $null }
    }
    $problem = if ($matched.Count -eq 0) { "-$Token is not a parameter of $($Signature.Key)" } else { "-$Token is ambiguous on $($Signature.Key) ($($matched -join ', '))" }
    return [pscustomobject]@{ Name = $null; IsCommon = $false; Prefix = $false; Problem = $problem }
}

function Get-SplatKey {
    # The keys a splatted variable can hold, from the hashtable literals and constant-key assignments that build
    # it in the enclosing function (or script). Anything else makes the splat unverifiable.
    param([Parameter(Mandatory = $true)] [System.Management.Automation.Language.VariableExpressionAst] $Variable)
    $name = $Variable.VariablePath.UserPath
    $scope = $Variable.Parent
    while ($scope -and $scope -isnot [System.Management.Automation.Language.FunctionDefinitionAst] -and $null -ne $scope.Parent) { $scope = $scope.Parent }
    $isTarget = { param($node) $node -is [System.Management.Automation.Language.VariableExpressionAst] -and $node.VariablePath.UserPath -eq $name }
    $keys = New-Object System.Collections.Generic.List[string]
    $problems = New-Object System.Collections.Generic.List[string]
    $defined = $false

    foreach ($assignment in $scope.FindAll({ param($node) $node -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true)) {
        $left = $assignment.Left
        if ($left -is [System.Management.Automation.Language.ConvertExpressionAst]) { $left = $left.Child }
        if (& $isTarget $left) {
            $value = if ($assignment.Right -is [System.Management.Automation.Language.CommandExpressionAst]) { $assignment.Right.Expression } else { $null }
            if ($value -is [System.Management.Automation.Language.ConvertExpressionAst]) { $value = $value.Child }
            if ($value -isnot [System.Management.Automation.Language.HashtableAst]) {
                $problems.Add("@$name is assigned something other than a hashtable literal (line $($assignment.Extent.StartLineNumber))")
                continue
            }
            $defined = $true
            foreach ($pair in $value.KeyValuePairs) {
                if ($pair.Item1 -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $keys.Add($pair.Item1.Value) }
                else { $problems.Add("@$name has a computed key (line $($pair.Item1.Extent.StartLineNumber))") }
            }
        }
        elseif ($left -is [System.Management.Automation.Language.MemberExpressionAst] -and (& $isTarget $left.Expression)) {
            if ($left.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $keys.Add($left.Member.Value) }
            else { $problems.Add("@$name gets a computed key (line $($left.Extent.StartLineNumber))") }
        }
        elseif ($left -is [System.Management.Automation.Language.IndexExpressionAst] -and (& $isTarget $left.Target)) {
            if ($left.Index -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $keys.Add($left.Index.Value) }
            else { $problems.Add("@$name gets a computed key (line $($left.Extent.StartLineNumber))") }
        }
    }
    $adds = $scope.FindAll({ param($node) $node -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and $node.Member.Extent.Text -eq 'Add' }, $true)
    foreach ($add in $adds) {
        if (-not (& $isTarget $add.Expression)) { continue }
        $first = @($add.Arguments)[0]
        if ($first -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $keys.Add($first.Value) }
        else { $problems.Add("@$name gets a computed key (line $($add.Extent.StartLineNumber))") }
    }
    if (-not $defined -and $problems.Count -eq 0) { $problems.Add("cannot see where @$name is built as a hashtable literal") }
    [pscustomobject]@{ Keys = @($keys | Select-Object -Unique); Problems = $problems.ToArray() }
}

function Test-ParameterSetFit {
    # Names of the signature's sets that accept exactly these parameters (mandatory ones supplied, or able to
    # come from the pipeline when the call has pipeline input).
    param([Parameter(Mandatory = $true)] [object] $Signature, [string[]] $Used = @(), [bool] $FromPipeline)
    foreach ($setName in $Signature.Sets.Keys) {
        $facts = @($Signature.Sets[$setName])
        $names = @($facts | ForEach-Object -Process { $_.name })
        if (@($Used | Where-Object -FilterScript { $names -notcontains $_ }).Count -gt 0) { continue }
        $missing = @($facts | Where-Object -FilterScript { $_.mandatory -and $Used -notcontains $_.name })
        $unfed = @($missing | Where-Object -FilterScript { -not $FromPipeline -or -not ($_.pipelineByValue -or $_.pipelineByPropertyName) })
        if ($unfed.Count -eq 0) { $setName }
    }
}

function Resolve-CommandCall {
    # Binds one call's elements against a signature. Findings fail the call; Notes (prefixes) are reported only.
    param([Parameter(Mandatory = $true)] [object] $Call, [Parameter(Mandatory = $true)] [object] $Signature)
    $findings = New-Object System.Collections.Generic.List[string]
    $notes = New-Object System.Collections.Generic.List[string]
    $used = New-Object System.Collections.Generic.List[string]
    $elements = @($Call.Ast.CommandElements)

    $bind = {
        param([string] $Token, [bool] $HasArgument, [string] $Via)
        $resolved = Resolve-ParameterToken -Token $Token -Signature $Signature
        if ($resolved.Problem) { $findings.Add("$($resolved.Problem)$Via"); return $null }
        if ($resolved.Prefix) { $notes.Add("-$Token binds to -$($resolved.Name) by prefix$Via") }
        if ($used -contains $resolved.Name) { $findings.Add("-$($resolved.Name) is given more than once$Via") }
        $used.Add($resolved.Name)
        if ($resolved.IsCommon) { return @('Verbose', 'Debug') -contains $resolved.Name }
        return $Signature.Parameters[$resolved.Name].switch
    }

    $index = 1
    while ($index -lt $elements.Count) {
        $element = $elements[$index]
        $index++
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            $isSwitch = & $bind $element.ParameterName ($null -ne $element.Argument) ''
            if ($null -ne $element.Argument -or $isSwitch -eq $true) { continue }
            # A value parameter takes the next element as its argument (an unknown one is assumed to, too).
            $next = if ($index -lt $elements.Count) { $elements[$index] } else { $null }
            if ($null -eq $next -or $next -is [System.Management.Automation.Language.CommandParameterAst]) {
                if ($isSwitch -eq $false) { $findings.Add("-$($element.ParameterName) has no argument") }
                continue
            }
            $index++
            continue
        }
        if ($element -is [System.Management.Automation.Language.VariableExpressionAst] -and $element.Splatted) {
            $splat = Get-SplatKey -Variable $element
            foreach ($problem in $splat.Problems) { $findings.Add($problem) }
            foreach ($key in $splat.Keys) { $null = & $bind $key $true " (in @$($element.VariablePath.UserPath))" }
            continue
        }
        $findings.Add("positional argument '$($element.Extent.Text)': scripts must name every parameter")
    }

    $pipeline = $Call.Ast.Parent
    $fromPipeline = $pipeline -is [System.Management.Automation.Language.PipelineAst] -and [Array]::IndexOf(@($pipeline.PipelineElements), $Call.Ast) -gt 0
    $commonNames = @((Get-CommonParameterAlias).Keys)
    $ownParameters = @($used | Where-Object -FilterScript { $commonNames -notcontains $_ })
    $fits = @(Test-ParameterSetFit -Signature $Signature -Used $ownParameters -FromPipeline $fromPipeline)
    if ($findings.Count -eq 0 -and $fits.Count -eq 0) {
        $given = if ($ownParameters) { ($ownParameters | ForEach-Object -Process { "-$_" }) -join ' ' } else { 'no parameters' }
        $inputNote = if ($fromPipeline) { ' with pipeline input' } else { '' }
        $findings.Add("$given$inputNote fits no parameter set of $($Signature.Key) (sets: $(@($Signature.Sets.Keys) -join ', '))")
    }
    [pscustomobject]@{ Findings = $findings.ToArray(); Notes = $notes.ToArray(); Used = $ownParameters; Sets = $fits }
}
