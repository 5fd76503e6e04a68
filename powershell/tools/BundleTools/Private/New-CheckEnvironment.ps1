function New-CheckEnvironment {
    <#
    .SYNOPSIS
    What every rule may need besides the file: the alias table, the known functions, the module-qualified names.
    .PARAMETER ParsedFile
    The checked files and the reference files: their function definitions give command metadata.
    .PARAMETER ModuleCommand
    Module name -> the command names that must be called qualified with it.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [pscustomobject[]] $ParsedFile = @(),

        [hashtable] $ModuleCommand = @{}
    )
    # Built-in aliases of this session plus the Windows-only ones the Alias rule lists.
    $aliases = @{}
    foreach ($alias in Get-Alias) {
        if (-not $alias.Source -or $alias.Source -like 'Microsoft.PowerShell.*') {
            $aliases[$alias.Name] = $alias.Definition
        }
    }
    $aliasRule = $script:PS51RuleTable.Rules | Where-Object -FilterScript { $_.Name -eq 'Alias' }
    foreach ($name in $aliasRule.WindowsAliases.Keys) {
        if (-not $aliases.ContainsKey($name)) {
            $aliases[$name] = $aliasRule.WindowsAliases[$name]
        }
    }

    $functions = @{}
    foreach ($file in $ParsedFile) {
        $definitions = $file.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)
        foreach ($definition in $definitions) {
            if (-not $functions.ContainsKey($definition.Name)) {
                $functions[$definition.Name] = ConvertTo-CommandMetadata -FunctionDefinition $definition
            }
        }
    }

    $qualified = @{}
    foreach ($module in $ModuleCommand.Keys) {
        foreach ($name in $ModuleCommand[$module]) {
            $qualified[$name] = $module
        }
    }

    [pscustomobject]@{
        Aliases           = $aliases
        Functions         = $functions
        QualifiedCommands = $qualified
        MetadataCache     = @{}
        MetadataModules   = @('Microsoft.PowerShell.Core', 'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Security')
    }
}
