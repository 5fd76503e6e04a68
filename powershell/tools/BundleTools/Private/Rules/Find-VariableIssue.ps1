function Find-VariableIssue {
    # Rule check: uses of the variables in Rule.Variables, whatever the scope qualifier ($global:IsWindows).
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $variables = $File.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.VariableExpressionAst] }, $true)
    foreach ($variable in $variables) {
        $name = $variable.VariablePath.UserPath -replace '^(global|script|local|private|using):', ''
        if ($Rule.Variables -contains $name) {
            New-PS51Finding -File $File -Rule $Rule -Extent $variable.Extent
        }
    }
}
