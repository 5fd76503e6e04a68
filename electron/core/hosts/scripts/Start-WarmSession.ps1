<#
.SYNOPSIS
Keeps one PowerShell process warm for read-only agent calls (plan-only deletes, inventory) on one host.

.DESCRIPTION
The control plane starts this loop once per host with a command line that never changes:

    pwsh -NoProfile -NonInteractive -ExecutionPolicy Bypass -File Start-WarmSession.ps1

and then writes one request per line to its standard input, one at a time (it waits for a request's end marker
before it sends the next). A request is compact JSON, ASCII only (other characters as \uXXXX escapes):

    {"id":"r1","script":"<absolute path of an entry script>","payload":"<base64 agent payload>"}

The entry script runs in a child scope of this process with the payload as pipeline input, exactly as
`$payload | & $script` runs it, so the process start and the module loads are paid once per host instead of once
per call. The entry scripts import their own module with -Force, so no state carries from one request to the next.
Nothing in a request is ever parsed as PowerShell: the script path is only invoked, the payload only piped.

Every line this loop writes to standard output is one of:

    ##hvsession - ready                 the loop is ready for requests (written once, at start)
    ##hvsession <id> out <text>         an output line of the request (Write-Host lines, agent events)
    ##hvsession <id> err <text>         an error record, warning or the loop's own complaint about the request
    ##hvsession <id> end <exit code>    the request is over; its exit code as `pwsh -File` would report it

A text holding line breaks is written as several lines of the same kind. The loop ends when standard input closes.

Runs under Windows PowerShell 5.1 and PowerShell 7.

.INPUTS
System.String. Request lines on standard input.

.OUTPUTS
The tagged lines described above.

.EXAMPLE
'{"id":"r1","script":"C:\\HvAgent\\Get-HostInventory.ps1","payload":"eyJqb2JfaWQiOiJqMSJ9"}' | pwsh -NoProfile -NonInteractive -File Start-WarmSession.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
try {
    [Console]::InputEncoding = $utf8
    [Console]::OutputEncoding = $utf8
} catch {
    Write-Verbose -Message ('console encoding unchanged: ' + $_.Exception.Message)
}
$sessionOut = [Console]::Out
$requestIdPattern = '^[A-Za-z0-9_-]{1,64}$'

# Writes one tagged line per line of $Text.
$writeTagged = {
    param([string] $RequestId, [string] $Kind, [string] $Text)
    foreach ($part in ($Text -split "`r`n|`n|`r")) {
        $sessionOut.WriteLine('##hvsession ' + $RequestId + ' ' + $Kind + ' ' + $part)
    }
}

# Reads a request field; $null when absent (strict mode forbids reading a missing property).
$field = {
    param([object] $Object, [string] $Name)
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    return $property.Value
}

# The console text of one record the entry script produced, and which stream it belongs to.
$describeRecord = {
    param([object] $Record)
    if ($Record -is [System.Management.Automation.ErrorRecord]) {
        return @('err', [string] $Record)
    }
    if ($Record -is [System.Management.Automation.WarningRecord]) {
        return @('err', ('WARNING: ' + $Record.Message))
    }
    if ($Record -is [System.Management.Automation.InformationRecord]) {
        return @('out', [string] $Record.MessageData)
    }
    if ($Record -is [string]) {
        return @('out', $Record)
    }
    return @('out', (($Record | Out-String).TrimEnd()))
}

# The scripts' modules load once here, so a request finds them loaded (the entry scripts import them without
# -Force). A host without them is not an error for this loop: the entry script reports it.
Import-Module -Name 'Hyper-V' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
Import-Module -Name 'FailoverClusters' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
$Error.Clear()

& $writeTagged -RequestId '-' -Kind 'ready' -Text ''

while ($true) {
    $line = [Console]::In.ReadLine()
    if ($null -eq $line) {
        break
    }
    if ($line.Trim() -eq '') {
        continue
    }
    $requestId = '-'
    try {
        $request = ConvertFrom-Json -InputObject $line
        $candidateId = [string] (& $field -Object $request -Name 'id')
        if ($candidateId -match $requestIdPattern) { $requestId = $candidateId }
        $scriptPath = [string] (& $field -Object $request -Name 'script')
        $payload = [string] (& $field -Object $request -Name 'payload')
        if ($requestId -eq '-' -or $scriptPath -eq '' -or $payload -eq '') {
            throw 'the request lacks id, script or payload'
        }
    } catch {
        & $writeTagged -RequestId $requestId -Kind 'err' -Text ('hvsession: invalid request: ' + $_.Exception.Message)
        & $writeTagged -RequestId $requestId -Kind 'end' -Text '4'
        continue
    }

    $global:LASTEXITCODE = 0
    $failed = $false
    try {
        # *>&1 brings Write-Host (information), errors and warnings into the pipeline in the order they happen.
        $payload | & $scriptPath *>&1 | ForEach-Object -Process {
            $described = & $describeRecord -Record $_
            & $writeTagged -RequestId $requestId -Kind $described[0] -Text $described[1]
        }
    } catch {
        $failed = $true
        & $writeTagged -RequestId $requestId -Kind 'err' -Text ([string] $_)
    }
    $exitCode = $global:LASTEXITCODE
    if ($null -eq $exitCode) { $exitCode = 0 }
    if ($failed -and $exitCode -eq 0) { $exitCode = 1 }
    $Error.Clear()
    & $writeTagged -RequestId $requestId -Kind 'end' -Text ([string] $exitCode)
}
