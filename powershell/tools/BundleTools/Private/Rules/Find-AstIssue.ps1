function Find-AstIssue {
    # Rule check: AST nodes of a type (Match.AstType), optionally only those whose Match.Property is one of Match.Values.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($match in $Rule.Match) {
        $type = "System.Management.Automation.Language.$($match.AstType)" -as [type]
        if ($null -eq $type) {
            throw "Rule $($Rule.Name): unknown AST type $($match.AstType)"
        }
        $nodes = $File.Ast.FindAll({ param($node) $node -is $type }, $true)
        foreach ($node in $nodes) {
            if ($match['Property'] -and @($match['Values'] | Where-Object -FilterScript { "$_" -eq "$($node.($match['Property']))" }).Count -eq 0) {
                continue
            }
            New-PS51Finding -File $File -Rule $Rule -Extent $node.Extent
        }
    }
}
