function Find-StaticMemberIssue {
    # Rule check: static member uses ([Type]::Member or [Type]::Member()) listed in Rule.Members as
    # '<full type name>::<member>'; the type is resolved the way PowerShell 7 resolves it ([IO.Path] too).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $members = $File.Ast.FindAll({
            param($node)
            $node -is [System.Management.Automation.Language.MemberExpressionAst] -and $node.Static -and
            $node.Expression -is [System.Management.Automation.Language.TypeExpressionAst] -and
            $node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]
        }, $true)
    foreach ($member in $members) {
        $typeName = $member.Expression.TypeName
        $type = $typeName.GetReflectionType()
        $fullName = if ($type) { $type.FullName } else { $typeName.FullName }
        if ($Rule.Members -contains "${fullName}::$($member.Member.Value)") {
            New-PS51Finding -File $File -Rule $Rule -Extent $member.Extent
        }
    }
}
