function Find-StringValueIssue {
    # Rule check: string constants (quoted or bare words) whose whole value is one of Rule.Values, any case.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $strings = $File.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.StringConstantExpressionAst] }, $true)
    foreach ($string in $strings) {
        if ($Rule.Values -contains $string.Value) {
            New-PS51Finding -File $File -Rule $Rule -Extent $string.Extent
        }
    }
}
