function ConvertTo-CommandMetadata {
    <#
    .SYNOPSIS
    The little the checks need to know about a command: its parameters, which are switches, and their aliases.
    .DESCRIPTION
    From a loaded command (Get-Command) or from a function definition in a parsed script, so the bundle's own
    functions and the simulator's cmdlets are known without importing them. An advanced function also gets the
    common parameters (and -WhatIf/-Confirm when it declares SupportsShouldProcess).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Command')]
        [System.Management.Automation.CommandInfo] $Command,

        [Parameter(Mandatory, ParameterSetName = 'Function')]
        [System.Management.Automation.Language.FunctionDefinitionAst] $FunctionDefinition
    )
    $parameters = @{}
    if ($PSCmdlet.ParameterSetName -eq 'Command') {
        foreach ($parameter in $Command.Parameters.Values) {
            $parameters[$parameter.Name] = [pscustomobject]@{ Name = $parameter.Name; IsSwitch = $parameter.SwitchParameter; Aliases = @($parameter.Aliases) }
        }
        return [pscustomobject]@{ Name = $Command.Name; Parameters = $parameters }
    }

    $paramBlock = $FunctionDefinition.Body.ParamBlock
    $parameterAsts = @(if ($FunctionDefinition.Parameters) { $FunctionDefinition.Parameters } elseif ($paramBlock) { $paramBlock.Parameters })
    $isAdvanced = $false
    $supportsShouldProcess = $false
    if ($paramBlock) {
        foreach ($attribute in $paramBlock.Attributes) {
            if ($attribute.TypeName.Name -in 'CmdletBinding', 'System.Management.Automation.CmdletBindingAttribute') {
                $isAdvanced = $true
                foreach ($named in $attribute.NamedArguments) {
                    if ($named.ArgumentName -eq 'SupportsShouldProcess' -and ($named.ExpressionOmitted -or $named.Argument.SafeGetValue())) {
                        $supportsShouldProcess = $true
                    }
                }
            }
        }
    }
    foreach ($parameterAst in $parameterAsts) {
        $aliases = [System.Collections.Generic.List[string]]::new()
        foreach ($attribute in $parameterAst.Attributes) {
            $typeName = $attribute.TypeName.Name
            if ($typeName -in 'Parameter', 'System.Management.Automation.ParameterAttribute') {
                $isAdvanced = $true
            }
            if ($typeName -in 'Alias', 'AliasAttribute', 'System.Management.Automation.AliasAttribute') {
                foreach ($argument in $attribute.PositionalArguments) {
                    foreach ($value in @($argument.SafeGetValue())) { $aliases.Add([string] $value) }
                }
            }
        }
        $name = $parameterAst.Name.VariablePath.UserPath
        $parameters[$name] = [pscustomobject]@{
            Name     = $name
            IsSwitch = $parameterAst.StaticType -eq [System.Management.Automation.SwitchParameter]
            Aliases  = $aliases.ToArray()
        }
    }
    if ($isAdvanced) {
        # Remove-Item is a cmdlet with SupportsShouldProcess: its metadata describes every common parameter.
        $reference = (Get-Command -Name 'Remove-Item' -Module 'Microsoft.PowerShell.Management').Parameters
        $common = @([System.Management.Automation.PSCmdlet]::CommonParameters)
        if ($supportsShouldProcess) {
            $common += @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)
        }
        foreach ($name in $common) {
            if (-not $parameters.ContainsKey($name) -and $reference.ContainsKey($name)) {
                $parameters[$name] = [pscustomobject]@{ Name = $name; IsSwitch = $reference[$name].SwitchParameter; Aliases = @($reference[$name].Aliases) }
            }
        }
    }
    [pscustomobject]@{ Name = $FunctionDefinition.Name; Parameters = $parameters }
}
