<#
.SYNOPSIS
Test fixture: stand-ins for the remoting cmdlets, so the remote wrapper's own logic runs here without a host.

.DESCRIPTION
Dot-source before running scripts/Invoke-RemoteAgentScript.ps1: functions take precedence over cmdlets, so the
wrapper's New-PSSessionOption, New-PSSession, Invoke-Command and Remove-PSSession calls land here. Each prints
how it was called as one line, '##mock <name> <json>', and Invoke-Command runs the "remote" script block in this
process (what the host would run). $env:HVAGENT_TEST_CONNECT_ERROR makes New-PSSession fail with that message.
#>

function New-PSSessionOption {
    [CmdletBinding()]
    param([int] $OpenTimeout, [int] $OperationTimeout, [switch] $SkipCACheck, [switch] $SkipCNCheck, [switch] $SkipRevocationCheck)
    $option = [ordered]@{}
    foreach ($key in $PSBoundParameters.Keys) {
        $option[$key] = $PSBoundParameters[$key]
        if ($option[$key] -is [System.Management.Automation.SwitchParameter]) { $option[$key] = $option[$key].IsPresent }
    }
    return [pscustomobject] $option
}

function New-PSSession {
    [CmdletBinding()]
    param($HostName, $UserName, $Port, $KeyFilePath, [hashtable] $Options, $ComputerName, $Authentication,
        [switch] $UseSSL, $ConfigurationName, $SessionOption, [pscredential] $Credential)
    $call = [ordered]@{}
    foreach ($key in ($PSBoundParameters.Keys | Sort-Object)) {
        $value = $PSBoundParameters[$key]
        if ($key -eq 'Credential') {
            $value = [ordered]@{ user = $Credential.UserName; password = $Credential.GetNetworkCredential().Password }
        } elseif ($value -is [System.Management.Automation.SwitchParameter]) {
            $value = $value.IsPresent
        }
        $call[$key] = $value
    }
    Write-Host -Object ('##mock New-PSSession ' + (ConvertTo-Json -InputObject $call -Compress -Depth 5))
    if (-not [string]::IsNullOrEmpty($env:HVAGENT_TEST_CONNECT_ERROR)) {
        throw (New-Object -TypeName System.Management.Automation.Remoting.PSRemotingTransportException -ArgumentList $env:HVAGENT_TEST_CONNECT_ERROR)
    }
    return [pscustomobject] @{ Name = 'mock-session'; State = 'Opened' }
}

function Invoke-Command {
    [CmdletBinding()]
    param($Session, [scriptblock] $ScriptBlock, [object[]] $ArgumentList, [string] $FilePath, $InputObject)
    $call = [ordered]@{
        session       = $Session.Name
        script_block  = ($null -ne $ScriptBlock)
        argument_list = $ArgumentList
        file_path     = $FilePath
        input_object  = $InputObject
    }
    Write-Host -Object ('##mock Invoke-Command ' + (ConvertTo-Json -InputObject $call -Compress -Depth 5))
    if (-not [string]::IsNullOrEmpty($FilePath)) {
        $ScriptBlock = [scriptblock]::Create((Get-Content -LiteralPath $FilePath -Raw))
    }
    $arguments = @($ArgumentList | Where-Object -FilterScript { $null -ne $_ })
    if ($null -ne $InputObject) {
        $InputObject | & $ScriptBlock @arguments
    } else {
        & $ScriptBlock @arguments
    }
}

function Remove-PSSession {
    [CmdletBinding()]
    param($Session)
    Write-Host -Object ('##mock Remove-PSSession ' + (ConvertTo-Json -InputObject @{ session = $Session.Name } -Compress))
}
