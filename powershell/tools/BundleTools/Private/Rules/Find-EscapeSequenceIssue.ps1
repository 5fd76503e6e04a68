function Find-EscapeSequenceIssue {
    # Rule check: double-quoted strings (and here-strings) whose source text holds an unescaped `e or `u{.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $doubleQuoted = @('DoubleQuoted', 'DoubleQuotedHereString')
    $strings = $File.Ast.FindAll({
            param($node)
            ($node -is [System.Management.Automation.Language.StringConstantExpressionAst] -or
                $node -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) -and
            $doubleQuoted -contains "$($node.StringConstantType)"
        }, $true)
    foreach ($string in $strings) {
        # An odd run of backticks escapes the letter; an even run is literal backticks.
        if ($string.Extent.Text -cmatch '(?<!`)(?:``)*`(?:e|u\{)') {
            New-PS51Finding -File $File -Rule $Rule -Extent $string.Extent
        }
    }
}
