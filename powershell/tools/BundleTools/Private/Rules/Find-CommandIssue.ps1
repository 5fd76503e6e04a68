function Find-CommandIssue {
    # Rule check: calls of the commands in Rule.Commands (through an alias or a module qualifier too).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        if ($Rule.Commands -contains $call.ResolvedName) {
            New-PS51Finding -File $File -Rule $Rule -Extent $call.Ast.Extent
        }
    }
}
