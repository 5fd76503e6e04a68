function Get-SplatKey {
    <#
    .SYNOPSIS
    The keys a splatted variable carries when the same file assigns it a literal hashtable ($p = @{ Name = 1 }),
    plus keys added as $p.Key = ... or $p['Key'] = ...; used to check splatted parameters too.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.Language.Ast] $ScriptAst,

        [Parameter(Mandatory)]
        [string] $VariableName
    )
    $assignments = $ScriptAst.FindAll({ param($node) $node -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true)
    foreach ($assignment in $assignments) {
        $left = $assignment.Left
        if ($left -is [System.Management.Automation.Language.ConvertExpressionAst]) {
            $left = $left.Child   # [hashtable] $p = @{...}
        }
        if ($left -is [System.Management.Automation.Language.VariableExpressionAst] -and $left.VariablePath.UserPath -eq $VariableName) {
            $hashtables = $assignment.Right.FindAll({ param($node) $node -is [System.Management.Automation.Language.HashtableAst] }, $true) | Select-Object -First 1
            foreach ($pair in @($hashtables.KeyValuePairs)) {
                if ($pair -and $pair.Item1 -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
                    $pair.Item1.Value
                }
            }
        }
        $isMember = $left -is [System.Management.Automation.Language.MemberExpressionAst] -and $left.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]
        $isIndex = $left -is [System.Management.Automation.Language.IndexExpressionAst] -and $left.Index -is [System.Management.Automation.Language.StringConstantExpressionAst]
        if ($isMember -or $isIndex) {
            # $p.Key has the variable in .Expression, $p['Key'] in .Target.
            $target = if ($isMember) { $left.Expression } else { $left.Target }
            if ($target -is [System.Management.Automation.Language.VariableExpressionAst] -and $target.VariablePath.UserPath -eq $VariableName) {
                if ($isMember) { $left.Member.Value } else { $left.Index.Value }
            }
        }
    }
}
