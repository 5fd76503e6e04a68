function Find-ParameterIssue {
    # Rule check: parameters in Rule.Parameters given to Rule.Commands ('*' = any command) or per Rule.PerCommand,
    # abbreviations resolved against the PowerShell 7 metadata of the command.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        $forbidden = @()
        if ($Rule['Commands'] -contains '*' -or $Rule['Commands'] -contains $call.ResolvedName) {
            $forbidden += $Rule['Parameters']
        }
        if ($Rule['PerCommand'] -and $Rule['PerCommand'].ContainsKey($call.ResolvedName)) {
            $forbidden += $Rule.PerCommand[$call.ResolvedName]
        }
        if ($forbidden.Count -eq 0) {
            continue
        }
        $metadata = Resolve-CommandMetadata -Call $call -Environment $Environment
        foreach ($binding in Get-CommandElementBinding -CommandAst $call.Ast -Metadata $metadata) {
            if ($binding.Kind -ne 'Parameter') {
                continue
            }
            $boundName = if ($binding.Parameter) { $binding.Parameter.Name } else { $binding.Name }
            if ($forbidden -contains $boundName) {
                New-PS51Finding -File $File -Rule $Rule -Extent $call.Ast.Extent -Text "-$boundName on $($call.ResolvedName): $($call.Ast.Extent.Text)"
            }
        }
    }
}
