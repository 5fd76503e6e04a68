function Find-SplitIssue {
    # Rule check: .Split(...) method calls whose first argument is a string literal of two or more characters.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $calls = $File.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.InvokeMemberExpressionAst] }, $true)
    foreach ($call in $calls) {
        $member = $call.Member
        if ($call.Static -or $member -isnot [System.Management.Automation.Language.StringConstantExpressionAst] -or $member.Value -ne 'Split') {
            continue
        }
        $first = @($call.Arguments)[0]
        $isStringLiteral = $first -is [System.Management.Automation.Language.StringConstantExpressionAst] -or
            $first -is [System.Management.Automation.Language.ExpandableStringExpressionAst]
        if ($isStringLiteral -and $first.Value.Length -ge 2) {
            New-PS51Finding -File $File -Rule $Rule -Extent $call.Extent
        }
    }
}
