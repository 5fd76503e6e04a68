function Find-AliasIssue {
    # Rule check: commands called by an alias (the session's built-in aliases plus Rule.WindowsAliases).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        # A function the checked files define under that name is what runs, not the alias.
        if ($call.IsAlias -and -not $Environment.Functions.ContainsKey($call.Name)) {
            New-PS51Finding -File $File -Rule $Rule -Extent $call.Ast.Extent -Text "$($call.Name) is an alias of $($call.ResolvedName): $($call.Ast.Extent.Text)"
        }
    }
}
