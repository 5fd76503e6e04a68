function Read-ScriptFile {
    <#
    .SYNOPSIS
    Parses one script file with the PowerShell parser: its AST, tokens and parse errors.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $FullName,

        [Parameter(Mandatory)]
        [string] $Root
    )
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($FullName, [ref] $tokens, [ref] $errors)
    [pscustomobject]@{
        FullName     = $FullName
        RelativePath = [System.IO.Path]::GetRelativePath($Root, $FullName).Replace('\', '/')
        Ast          = $ast
        Tokens       = $tokens
        Errors       = $errors
    }
}
