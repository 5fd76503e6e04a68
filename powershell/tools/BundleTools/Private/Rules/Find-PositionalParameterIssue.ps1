function Find-PositionalParameterIssue {
    # Rule check: command elements that bind by position, for commands whose metadata is known (native
    # programs and unknown commands are skipped; what is piped into a command is not an element).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        $metadata = Resolve-CommandMetadata -Call $call -Environment $Environment
        if ($null -eq $metadata) {
            continue
        }
        foreach ($binding in Get-CommandElementBinding -CommandAst $call.Ast -Metadata $metadata) {
            if ($binding.Kind -eq 'Positional') {
                New-PS51Finding -File $File -Rule $Rule -Extent $binding.Ast.Extent -Text "positional argument $($binding.Ast.Extent.Text) to $($call.WrittenName)"
            }
        }
    }
}
