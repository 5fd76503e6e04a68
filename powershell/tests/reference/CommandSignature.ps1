# Command signatures (parameter sets with per-parameter facts) from the real-cmdlet reference and from loaded
# commands, and the check that a simulator command invents nothing the real cmdlet lacks.
# Dot-sourced by CmdletFidelity.Tests.ps1; pwsh 7 only (test code, never deployed).

function Get-CommonParameterAlias {
    # Common parameters as Windows PowerShell 5.1 knows them (ProgressAction is 7.4+ and would fail on 5.1).
    [ordered]@{
        Verbose = @('vb'); Debug = @('db'); ErrorAction = @('ea'); WarningAction = @('wa'); InformationAction = @('infa')
        ErrorVariable = @('ev'); WarningVariable = @('wv'); InformationVariable = @('iv'); OutVariable = @('ov')
        OutBuffer = @('ob'); PipelineVariable = @('pv')
    }
}

function Get-IgnoredSimulatorParameter {
    # Parameters every advanced function gets, or that ShouldProcess adds; the simulator check skips them.
    @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)
}

function Import-RealCmdletReference {
    # Signatures keyed by "Module\Cmdlet" (case-insensitive), from real-cmdlets.json.
    param([Parameter(Mandatory = $true)] [string] $Path)
    $document = Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
    $signatures = New-Object 'System.Collections.Generic.Dictionary[string,object]' ([StringComparer]::OrdinalIgnoreCase)
    foreach ($property in $document.cmdlets.PSObject.Properties) {
        $sets = [ordered]@{}
        foreach ($set in $property.Value.parameterSets.PSObject.Properties) {
            $sets[$set.Name] = @($set.Value | ForEach-Object -Process {
                    [pscustomobject]@{
                        name = $_.name; type = $_.type; switch = [bool]$_.switch; mandatory = [bool]$_.mandatory
                        position = $_.position; pipelineByValue = [bool]$_.pipelineByValue
                        pipelineByPropertyName = [bool]$_.pipelineByPropertyName; aliases = @($_.aliases)
                        acceptedValues = @(if ($_.PSObject.Properties['acceptedValues']) { $_.acceptedValues })
                        clrType = $null
                    }
                })
        }
        $signatures[$property.Name] = New-CommandSignature -Key $property.Name -Sets $sets
    }
    return $signatures
}

function New-CommandSignature {
    # Sets as given, plus Parameters: one merged record per parameter name across all sets.
    param([string] $Key, [System.Collections.IDictionary] $Sets)
    $parameters = New-Object 'System.Collections.Generic.Dictionary[string,object]' ([StringComparer]::OrdinalIgnoreCase)
    foreach ($setName in $Sets.Keys) {
        foreach ($fact in $Sets[$setName]) {
            if (-not $parameters.ContainsKey($fact.name)) { $parameters[$fact.name] = $fact }
        }
    }
    [pscustomobject]@{ Key = $Key; Sets = $Sets; Parameters = $parameters }
}

function ConvertTo-CommandSignature {
    # The same shape as a reference signature, from a loaded command (the simulator's, or a fixture's).
    param([Parameter(Mandatory = $true)] [System.Management.Automation.CommandInfo] $Command, [string] $Key)
    $sets = [ordered]@{}
    $common = @((Get-CommonParameterAlias).Keys) + 'ProgressAction'
    foreach ($set in $Command.ParameterSets) {
        $sets[$set.Name] = @($set.Parameters |
                Where-Object -FilterScript { $common -notcontains $_.Name } |
                ForEach-Object -Process {
                    $validateSet = $_.Attributes | Where-Object -FilterScript { $_ -is [System.Management.Automation.ValidateSetAttribute] }
                    [pscustomobject]@{
                        name = $_.Name; type = $_.ParameterType.Name; switch = ($_.ParameterType -eq [switch])
                        mandatory = $_.IsMandatory; position = if ($_.Position -ge 0) { $_.Position } else { $null }
                        pipelineByValue = $_.ValueFromPipeline; pipelineByPropertyName = $_.ValueFromPipelineByPropertyName
                        aliases = @($_.Aliases); acceptedValues = @(if ($validateSet) { $validateSet.ValidValues })
                        clrType = $_.ParameterType
                    }
                })
    }
    if (-not $Key) { $Key = "$($Command.ModuleName)\$($Command.Name)" }
    return New-CommandSignature -Key $Key -Sets $sets
}

function Get-TypeIncompatibility {
    # Why a simulator parameter type cannot stand in for the real one, or $null when it can.
    # Array-ness is ignored; switch-ness, value types and enum values are not.
    param([Parameter(Mandatory = $true)] [object] $Real, [Parameter(Mandatory = $true)] [type] $SimType, [string[]] $SimAcceptedValues)
    $realSwitch = $Real.type -eq 'SwitchParameter'
    $simSwitch = $SimType -eq [switch]
    if ($realSwitch -ne $simSwitch) {
        return "is $(if ($simSwitch) { 'a switch' } else { "a $($SimType.Name) value" }) but the real one is $(if ($realSwitch) { 'a switch' } else { "a $($Real.type) value" })"
    }
    if ($realSwitch) { return $null }

    $realElement = $Real.type -replace '\[\]$', ''
    $simElement = if ($SimType.IsArray) { $SimType.GetElementType() } else { $SimType }
    $accepted = @($Real.acceptedValues)
    # Real element types a simulator may only mirror exactly (a looser type would accept what the real one rejects).
    $exactValueTypes = @('String', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Boolean', 'Guid', 'DateTime')
    if ($exactValueTypes -contains $realElement) {
        if ($simElement.Name -eq $realElement) { return $null }
        return "is $($SimType.Name) but the real one is $($Real.type)"
    }
    if ($realElement -eq 'StringCollection') {
        if (@('String', 'StringCollection') -contains $simElement.Name) { return $null }
        return "is $($SimType.Name) but the real one is StringCollection (strings)"
    }
    if ($accepted.Count -gt 0) {
        # An enum: the simulator may use the same-named enum or a string, restricted to real values only.
        $simValues = @(if ($simElement.IsEnum) { [Enum]::GetNames($simElement) } else { $SimAcceptedValues })
        if ($simElement.Name -ne $realElement -and $simElement.Name -ne 'String' -and -not $simElement.IsEnum) {
            return "is $($SimType.Name) but the real one is the enum $($Real.type)"
        }
        if ($simValues.Count -eq 0) { return "accepts any string but the real one accepts only $($accepted -join ', ')" }
        $invented = @($simValues | Where-Object -FilterScript { $accepted -notcontains $_ })
        if ($invented.Count -gt 0) { return "accepts $($invented -join ', ') which the real one does not ($($accepted -join ', '))" }
        return $null
    }
    # A real object type (VirtualMachine, CimSession, PSObject, ...): a loose object or the same-named type.
    if (@('Object', 'PSObject', $realElement) -contains $simElement.Name) { return $null }
    return "is $($SimType.Name) but the real one is the object type $($Real.type)"
}

function Get-SimulatorCommandFinding {
    # Findings for one simulator command: unlisted command, invented parameter, wrong type, different aliases.
    param(
        [Parameter(Mandatory = $true)] [System.Management.Automation.CommandInfo] $Command,
        [Parameter(Mandatory = $true)] [string] $ModuleName,
        [Parameter(Mandatory = $true)] [System.Collections.Generic.Dictionary[string, object]] $Reference,
        [string[]] $Allowlist = @()
    )
    $key = "$ModuleName\$($Command.Name)"
    if (-not $Reference.ContainsKey($key)) {
        if ($Allowlist -contains $key) { return @() }
        return @("$key is not a cmdlet the reference lists (add it to real-cmdlets.json or to the allowlist)")
    }
    $real = $Reference[$key]
    $findings = New-Object System.Collections.Generic.List[string]
    $ignored = Get-IgnoredSimulatorParameter
    foreach ($parameter in $Command.Parameters.Values) {
        if ($ignored -contains $parameter.Name) { continue }
        if (-not $real.Parameters.ContainsKey($parameter.Name)) {
            $findings.Add("$key -$($parameter.Name): the real cmdlet has no such parameter")
            continue
        }
        $realFact = $real.Parameters[$parameter.Name]
        $validateSet = $parameter.Attributes | Where-Object -FilterScript { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $simValues = @(if ($validateSet) { $validateSet.ValidValues })
        $typeProblem = Get-TypeIncompatibility -Real $realFact -SimType $parameter.ParameterType -SimAcceptedValues $simValues
        if ($typeProblem) { $findings.Add("$key -$($parameter.Name): $typeProblem") }
        $realAliases = @($realFact.aliases)
        $simAliases = @($parameter.Aliases)
        foreach ($alias in $simAliases) {
            if (-not ($realAliases | Where-Object -FilterScript { $_ -eq $alias })) {
                $findings.Add("$key -$($parameter.Name): alias '$alias' is not a real alias (real: $(if ($realAliases) { $realAliases -join ', ' } else { 'none' }))")
            }
        }
        foreach ($alias in $realAliases) {
            if (-not ($simAliases | Where-Object -FilterScript { $_ -eq $alias })) {
                $findings.Add("$key -$($parameter.Name): lacks the real alias '$alias'")
            }
        }
    }
    return $findings.ToArray()
}
