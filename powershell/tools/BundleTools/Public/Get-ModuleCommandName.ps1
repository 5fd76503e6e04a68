function Get-ModuleCommandName {
    <#
    .SYNOPSIS
    The command names a module folder exports, read from its files without importing it.
    .DESCRIPTION
    FunctionsToExport and CmdletsToExport of <folder>/<folder name>.psd1 when they are explicit lists;
    otherwise the functions the module's files define whose names have a Verb-Noun form.
    .EXAMPLE
    Get-ModuleCommandName -ModulePath ./powershell/simulator/modules/Hyper-V
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $ModulePath
    )
    $folder = (Resolve-Path -LiteralPath $ModulePath -ErrorAction Stop).ProviderPath
    $manifestPath = Join-Path -Path $folder -ChildPath "$(Split-Path -Path $folder -Leaf).psd1"
    $names = @()
    if (Test-Path -LiteralPath $manifestPath -PathType Leaf) {
        $manifest = Import-PowerShellDataFile -LiteralPath $manifestPath
        foreach ($key in 'FunctionsToExport', 'CmdletsToExport') {
            if ($manifest.ContainsKey($key)) {
                $names += @($manifest[$key])
            }
        }
    }
    $isExplicit = $names.Count -gt 0 -and -not ($names | Where-Object -FilterScript { [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($_) })
    if (-not $isExplicit) {
        $names = foreach ($file in Get-ScriptFilePath -Path $folder) {
            $parsed = Read-ScriptFile -FullName $file.FullName -Root $file.Root
            foreach ($definition in $parsed.Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
                if ($definition.Name -match '^[A-Za-z]+-[A-Za-z0-9]+$') { $definition.Name }
            }
        }
    }
    $names | Where-Object -FilterScript { $_ } | Sort-Object -Unique
}
