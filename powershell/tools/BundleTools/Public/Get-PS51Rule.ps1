function Get-PS51Rule {
    <#
    .SYNOPSIS
    The Windows PowerShell 5.1 compatibility rules: Name, Description (one line) and the Check function.
    .EXAMPLE
    Get-PS51Rule | Format-Table -Property Name, Description
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()
    foreach ($rule in $script:PS51RuleTable.Rules) {
        [pscustomobject]@{ Name = $rule.Name; Description = $rule.Description; Check = $rule.Check }
    }
}
