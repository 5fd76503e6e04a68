function Find-MissingParameterIssue {
    # Rule check: calls of Rule.Commands that do not pass Rule.Parameter (calls with a splat are not judged).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        if ($Rule.Commands -notcontains $call.ResolvedName) {
            continue
        }
        $metadata = Resolve-CommandMetadata -Call $call -Environment $Environment
        $bindings = @(Get-CommandElementBinding -CommandAst $call.Ast -Metadata $metadata)
        $passed = $bindings | Where-Object -FilterScript {
            $_.Kind -eq 'Splat' -or ($_.Kind -eq 'Parameter' -and $_.Parameter -and $_.Parameter.Name -eq $Rule.Parameter)
        }
        if (-not $passed) {
            New-PS51Finding -File $File -Rule $Rule -Extent $call.Ast.Extent
        }
    }
}
