function Get-CommandElementBinding {
    <#
    .SYNOPSIS
    Classifies the elements of a command call: Parameter (with its argument, if any), Splat, or Positional.
    .DESCRIPTION
    A parameter takes the next element as its argument unless the metadata says it is a switch, it was given
    as -Name:value, or the next element is itself a parameter. With no metadata every parameter is assumed to
    take an argument, which can only hide a positional argument, never invent one.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.Language.CommandAst] $CommandAst,

        [pscustomobject] $Metadata
    )
    $elements = $CommandAst.CommandElements
    $index = 1
    while ($index -lt $elements.Count) {
        $element = $elements[$index]
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            $parameter = Resolve-ParameterName -Metadata $Metadata -Name $element.ParameterName
            $argument = $element.Argument
            $next = if ($index + 1 -lt $elements.Count) { $elements[$index + 1] } else { $null }
            $takesNext = $null -eq $argument -and $null -ne $next -and
                $next -isnot [System.Management.Automation.Language.CommandParameterAst] -and
                -not ($null -ne $parameter -and $parameter.IsSwitch)
            if ($takesNext) {
                $argument = $next
                $index++
            }
            [pscustomobject]@{ Kind = 'Parameter'; Ast = $element; Name = $element.ParameterName; Parameter = $parameter; Argument = $argument }
        }
        elseif ($element -is [System.Management.Automation.Language.VariableExpressionAst] -and $element.Splatted) {
            [pscustomobject]@{ Kind = 'Splat'; Ast = $element; Name = $element.VariablePath.UserPath; Parameter = $null; Argument = $null }
        }
        else {
            [pscustomobject]@{ Kind = 'Positional'; Ast = $element; Name = $null; Parameter = $null; Argument = $null }
        }
        $index++
    }
}
