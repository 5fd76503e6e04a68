function Find-UnqualifiedCommandIssue {
    # Rule check: calls of the caller's module commands (-ModuleCommand) without their module qualifier,
    # or qualified with the wrong module.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($call in Get-CommandCall -File $File -Environment $Environment) {
        $module = $Environment.QualifiedCommands[$call.Name]
        if ($module -and $call.Module -ne $module) {
            New-PS51Finding -File $File -Rule $Rule -Extent $call.Ast.Extent -Text "call $module\$($call.Name): $($call.Ast.Extent.Text)"
        }
    }
}
