function Get-CommandCall {
    <#
    .SYNOPSIS
    Every command call in a parsed file with a static name: as written, its module qualifier, and the command
    it runs once an alias is resolved.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $File,

        [Parameter(Mandatory)]
        [pscustomobject] $Environment
    )
    $commandAsts = $File.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($commandAst in $commandAsts) {
        $written = $commandAst.GetCommandName()
        if (-not $written) {
            continue   # & $scriptBlock, & $path: nothing static to check
        }
        $module = $null
        $name = $written
        if ($written -match '^(?<module>[A-Za-z][\w.-]*)\\(?<name>[A-Za-z][\w-]*)$') {
            $module = $Matches.module
            $name = $Matches.name
        }
        $isAlias = $null -eq $module -and $Environment.Aliases.ContainsKey($name)
        [pscustomobject]@{
            Ast          = $commandAst
            WrittenName  = $written
            Module       = $module
            Name         = $name
            IsAlias      = $isAlias
            ResolvedName = if ($isAlias) { $Environment.Aliases[$name] } else { $name }
        }
    }
}
