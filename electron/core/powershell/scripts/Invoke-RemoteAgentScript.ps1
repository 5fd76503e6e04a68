<#
.SYNOPSIS
Runs one agent script on a remote Hyper-V host over SSH or WinRM remoting and streams its output here.

.DESCRIPTION
The control plane's PowerShell runner starts this wrapper on the workstation with a command line that never
changes:

    pwsh -NoProfile -NonInteractive -ExecutionPolicy Bypass -File Invoke-RemoteAgentScript.ps1

and writes one line of JSON (the envelope) to its standard input. Host, user, key, port, session options, the
script to run, the payload and a WinRM password all travel in the envelope, never on a command line, so nothing
user-supplied is ever parsed as PowerShell and no secret shows in a process listing.

The wrapper opens a session (New-PSSession), pipes the payload into the script on the host, lets the script's
Write-Host lines and errors stream back as they happen, then reads the script's exit code from the session.
Ctrl+C (SIGINT on Linux and macOS) stops the remote pipeline before the session is closed.

Runs under PowerShell 7 (SSH remoting needs 7.3 or later for the ssh options) and, for WinRM, Windows
PowerShell 5.1.

.INPUTS
System.String. The envelope, format 1:
  transport      'ssh' or 'winrm'
  host, port     the host name (validated by the control plane) and an optional port
  user, key_file, ssh_options                                     ssh: UserName, KeyFilePath, -Options
  authentication, use_ssl, configuration_name, credential, session_options   winrm
  script         {kind: 'host_path', path} runs a script already on the host (the deployed bundle);
                 {kind: 'local_file', path} sends a local self-contained script with -FilePath
  payload        the base64 agent payload, piped into the script

.OUTPUTS
The remote script's output lines. Exit code: the remote script's own (0, 1, 2); 3 the session could not be
opened; 4 the envelope is invalid; 5 the session broke while the script ran.

.EXAMPLE
'{"format":1,"transport":"ssh","host":"hv01",...}' | pwsh -NoProfile -NonInteractive -File Invoke-RemoteAgentScript.ps1
#>
# Not an advanced script ([CmdletBinding()]): those refuse pipeline input, and the envelope arrives as $input.
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$envelopeText = (@($input) -join "`n").Trim()
if ($envelopeText -eq '' -and [Console]::IsInputRedirected) {
    $envelopeText = [Console]::In.ReadToEnd().Trim()
}
try {
    $envelope = ConvertFrom-Json -InputObject $envelopeText
} catch {
    [Console]::Error.WriteLine('hvagent-remote: the envelope on standard input is not JSON: ' + $_.Exception.Message)
    exit 4
}

# Reads an envelope field; $null when absent (strict mode forbids reading a missing property).
$field = {
    param([object] $Object, [string] $Name)
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    return $property.Value
}

$transport = & $field -Object $envelope -Name 'transport'
$hostName = & $field -Object $envelope -Name 'host'
$script = & $field -Object $envelope -Name 'script'
$scriptKind = & $field -Object $script -Name 'kind'
$scriptPath = & $field -Object $script -Name 'path'
$payload = & $field -Object $envelope -Name 'payload'
$port = & $field -Object $envelope -Name 'port'
if ((& $field -Object $envelope -Name 'format') -ne 1 -or [string]::IsNullOrEmpty($hostName) -or
    [string]::IsNullOrEmpty($scriptPath) -or [string]::IsNullOrEmpty($payload) -or
    @('host_path', 'local_file') -notcontains $scriptKind) {
    [Console]::Error.WriteLine('hvagent-remote: the envelope lacks format 1, host, script or payload')
    exit 4
}

$connection = @{ ErrorAction = 'Stop' }
if ($transport -eq 'ssh') {
    $connection['HostName'] = [string] $hostName
    $connection['UserName'] = [string] (& $field -Object $envelope -Name 'user')
    if ($null -ne $port) { $connection['Port'] = [int] $port }
    $keyFile = & $field -Object $envelope -Name 'key_file'
    if (-not [string]::IsNullOrEmpty($keyFile)) { $connection['KeyFilePath'] = [string] $keyFile }
    $sshOptions = & $field -Object $envelope -Name 'ssh_options'
    if ($null -ne $sshOptions) {
        $options = @{}
        foreach ($property in $sshOptions.PSObject.Properties) {
            $options[$property.Name] = [string] $property.Value
        }
        if ($options.Count -gt 0) { $connection['Options'] = $options }
    }
} elseif ($transport -eq 'winrm') {
    $connection['ComputerName'] = [string] $hostName
    $connection['Authentication'] = [string] (& $field -Object $envelope -Name 'authentication')
    if ($null -ne $port) { $connection['Port'] = [int] $port }
    if ((& $field -Object $envelope -Name 'use_ssl') -eq $true) { $connection['UseSSL'] = $true }
    $configurationName = & $field -Object $envelope -Name 'configuration_name'
    if (-not [string]::IsNullOrEmpty($configurationName)) { $connection['ConfigurationName'] = [string] $configurationName }
    $sessionOptions = & $field -Object $envelope -Name 'session_options'
    $optionParameters = @{}
    $openTimeout = & $field -Object $sessionOptions -Name 'open_timeout_ms'
    if ($null -ne $openTimeout) { $optionParameters['OpenTimeout'] = [int] $openTimeout }
    $operationTimeout = & $field -Object $sessionOptions -Name 'operation_timeout_ms'
    if ($null -ne $operationTimeout) { $optionParameters['OperationTimeout'] = [int] $operationTimeout }
    if ((& $field -Object $sessionOptions -Name 'skip_ca_check') -eq $true) { $optionParameters['SkipCACheck'] = $true }
    if ((& $field -Object $sessionOptions -Name 'skip_cn_check') -eq $true) { $optionParameters['SkipCNCheck'] = $true }
    if ((& $field -Object $sessionOptions -Name 'skip_revocation_check') -eq $true) { $optionParameters['SkipRevocationCheck'] = $true }
    $connection['SessionOption'] = New-PSSessionOption @optionParameters
    $credential = & $field -Object $envelope -Name 'credential'
    if ($null -ne $credential) {
        $secret = ConvertTo-SecureString -String ([string] (& $field -Object $credential -Name 'password')) -AsPlainText -Force
        $connection['Credential'] = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList @(
            [string] (& $field -Object $credential -Name 'user'), $secret)
    }
} else {
    [Console]::Error.WriteLine('hvagent-remote: unknown transport in the envelope')
    exit 4
}
$envelope = $null
$credential = $null

try {
    $session = New-PSSession @connection
} catch {
    [Console]::Error.WriteLine('hvagent-remote: could not open a session to ' + $hostName + ': ' + $_.Exception.Message)
    [Console]::Error.WriteLine('hvagent-remote: FullyQualifiedErrorId ' + $_.FullyQualifiedErrorId)
    exit 3
}

$remoteExitCode = $null
try {
    # Errors the script writes are shown (standard error) and the script goes on, as it would locally.
    if ($scriptKind -eq 'host_path') {
        Invoke-Command -Session $session -ErrorAction Continue -ArgumentList @([string] $scriptPath, [string] $payload) -ScriptBlock {
            param([string] $ScriptPath, [string] $Payload)
            $global:LASTEXITCODE = 0
            # As -ExecutionPolicy Bypass does for local runs; a policy set by Group Policy still wins (and throws).
            try {
                Set-ExecutionPolicy -Scope Process -ExecutionPolicy Bypass -Force -ErrorAction Stop
            } catch {
                Write-Verbose -Message ('execution policy unchanged: ' + $_.Exception.Message)
            }
            try {
                $Payload | & $ScriptPath
            } catch {
                $global:LASTEXITCODE = 1
                throw
            }
        }
    } else {
        Invoke-Command -Session $session -ScriptBlock { $global:LASTEXITCODE = 0 }
        Invoke-Command -Session $session -ErrorAction Continue -FilePath ([string] $scriptPath) -InputObject ([string] $payload)
    }
    if ($session.State -ne 'Opened') {
        throw ('the session is ' + $session.State)
    }
    $remoteExitCode = Invoke-Command -Session $session -ScriptBlock { $global:LASTEXITCODE }
} catch {
    [Console]::Error.WriteLine('hvagent-remote: the session to ' + $hostName + ' broke: ' + $_.Exception.Message)
    exit 5
} finally {
    Remove-PSSession -Session $session -ErrorAction SilentlyContinue
}
if ($null -eq $remoteExitCode) {
    $remoteExitCode = 0
}
exit ([int] $remoteExitCode)
