function Test-SimulatorCoverage {
    <#
    .SYNOPSIS
    Checks that the simulator implements what the bundle calls: every module-qualified command (Hyper-V\X,
    FailoverClusters\Y) exists in the simulator's module, and every parameter passed to it exists there.
    .DESCRIPTION
    Returns one gap {File, Line, Command, Parameter, Problem} per missing command or parameter; nothing when
    covered. Parameters passed by name are checked, and so are the keys of a splatted hashtable the same file
    builds literally. The simulator is read from its source, never imported.
    .PARAMETER BundlePath
    The scripts that call the commands (powershell/agent).
    .PARAMETER ModulesPath
    The folder holding one folder per simulated module (powershell/simulator/modules).
    .PARAMETER Module
    The simulated modules whose qualified calls are checked.
    .EXAMPLE
    Test-SimulatorCoverage -BundlePath ./powershell/agent -ModulesPath ./powershell/simulator/modules
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $BundlePath,

        [Parameter(Mandatory)]
        [string] $ModulesPath,

        [string[]] $Module = @('Hyper-V', 'FailoverClusters')
    )
    $exports = @{}
    $definitions = @{}
    foreach ($name in $Module) {
        $folder = Join-Path -Path $ModulesPath -ChildPath $name
        $exports[$name] = @()
        $definitions[$name] = @{}
        if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
            continue
        }
        $exports[$name] = @(Get-ModuleCommandName -ModulePath $folder)
        $parsed = @(Get-ScriptFilePath -Path $folder | ForEach-Object -Process { Read-ScriptFile -FullName $_.FullName -Root $_.Root })
        $definitions[$name] = (New-CheckEnvironment -ParsedFile $parsed).Functions
    }

    $files = @(Get-ScriptFilePath -Path $BundlePath | ForEach-Object -Process { Read-ScriptFile -FullName $_.FullName -Root $_.Root })
    $environment = New-CheckEnvironment -ParsedFile $files
    foreach ($file in $files) {
        foreach ($call in Get-CommandCall -File $file -Environment $environment) {
            if ($Module -notcontains $call.Module) {
                continue
            }
            $gap = @{ File = $file.RelativePath; Line = $call.Ast.Extent.StartLineNumber; Command = $call.WrittenName }
            if ($exports[$call.Module] -notcontains $call.Name) {
                [pscustomobject]($gap + @{ Parameter = $null; Problem = "the simulator's $($call.Module) module does not export $($call.Name)" })
                continue
            }
            $metadata = $definitions[$call.Module][$call.Name]
            if ($null -eq $metadata) {
                [pscustomobject]($gap + @{ Parameter = $null; Problem = "no definition of $($call.Name) found in the simulator's $($call.Module) source" })
                continue
            }
            foreach ($binding in Get-CommandElementBinding -CommandAst $call.Ast -Metadata $metadata) {
                $names = @()
                if ($binding.Kind -eq 'Parameter' -and $null -eq $binding.Parameter) {
                    $names = @($binding.Name)
                }
                elseif ($binding.Kind -eq 'Splat') {
                    $names = @(Get-SplatKey -ScriptAst $file.Ast -VariableName $binding.Name |
                        Where-Object -FilterScript { $null -eq (Resolve-ParameterName -Metadata $metadata -Name $_) })
                }
                foreach ($parameterName in $names | Sort-Object -Unique) {
                    [pscustomobject]($gap + @{ Parameter = $parameterName; Problem = "the simulator's $($call.Name) has no parameter -$parameterName" })
                }
            }
        }
    }
}
