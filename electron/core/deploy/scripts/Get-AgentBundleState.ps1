<#
.SYNOPSIS
Reports the agent bundle installed on this host for one version: every file with its SHA-256 and size. Read-only.

.DESCRIPTION
The control plane runs this before it dispatches a job to the host (C6) and after it deployed the bundle. It
looks in <data root>\HvAgent\bundle\<version>, where the data root is $env:ProgramData (C:\ProgramData when
unset), the root the agent uses for its host lock. It lists every file there (hidden ones too), hashes each with
Get-FileHash, and reports them; the control plane compares them with its manifest. Nothing on the host changes.

On Windows it also reports whether the folder's owner is Administrators or SYSTEM (the deploy script makes it
so and restricts writing to them, because the agent module loads every .ps1 file of its folders).

Self-contained (sent with Invoke-Command -FilePath to remote hosts); Windows PowerShell 5.1 and PowerShell 7.

.INPUTS
System.String. Base64 of compact UTF-8 JSON, as pipeline input or standard input:
{"job_id": "<id>", "version": "<bundle version>"}.

.OUTPUTS
One '##hvagent ' result event with `bundle`: version, root (the host's path), path (the same folder as the
host's .NET sees it; in the lab, the sandbox path), present, files [{path, sha256, bytes}] (any order),
owner_trusted (true/false on Windows, null elsewhere or when absent).
Exit code 0; 1 the folder could not be read; 2 invalid payload.

.EXAMPLE
$payload | & .\Get-AgentBundleState.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$pipelineInput = @($input)
# Windows PowerShell 5.1 would write some arrays as {"value":[...],"Count":n} (extended type data).
if ($PSVersionTable.PSVersion.Major -lt 6) {
    Remove-TypeData -TypeName 'System.Array' -ErrorAction SilentlyContinue
}

function Exit-HostScript {
    <#
    .SYNOPSIS
    Ends the script with an exit code. Run from a file (locally, the lab) that is `exit`; sent to a remote session
    with Invoke-Command -FilePath the script is a script block there, where `exit` would close the whole session,
    so it sets $LASTEXITCODE (which the remote wrapper reads) and the caller returns.
    #>
    param([int] $Code)
    if ($PSCommandPath) {
        exit $Code
    }
    $global:LASTEXITCODE = $Code
}

function Write-BundleResult {
    <#
    .SYNOPSIS
    Prints the result event: '##hvagent ' and compact JSON, every non-ASCII character escaped.
    #>
    param([string] $JobId, [string] $Status, $ErrorInfo, $Bundle)
    $event = [ordered]@{ type = 'result'; job_id = $JobId; status = $Status; error = $ErrorInfo; bundle = $Bundle }
    $json = ConvertTo-Json -InputObject $event -Compress -Depth 8
    $builder = New-Object -TypeName System.Text.StringBuilder
    foreach ($character in $json.ToCharArray()) {
        if ([int] $character -gt 126) {
            [void] $builder.Append('\u').Append(([int] $character).ToString('x4'))
        } else {
            [void] $builder.Append($character)
        }
    }
    Write-Host -Object ('##hvagent ' + $builder.ToString())
}

function Read-BundlePayload {
    <#
    .SYNOPSIS
    Decodes the payload (pipeline input, else standard input) and checks job_id and version.
    #>
    param([object[]] $InputObject)
    $text = ((@($InputObject) | Where-Object -FilterScript { $null -ne $_ }) -join '').Trim()
    if ($text -eq '' -and [Console]::IsInputRedirected) {
        $text = [Console]::In.ReadToEnd().Trim()
    }
    $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($text))
    $document = ConvertFrom-Json -InputObject $json
    foreach ($name in @('job_id', 'version')) {
        if ($null -eq $document.PSObject.Properties[$name] -or -not ($document.$name -is [string])) {
            throw ('the payload has no string field ' + $name)
        }
    }
    if ($document.version -notmatch '^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$') {
        throw 'the payload version is not a bundle version'
    }
    return $document
}

function Test-BundleOwnerTrusted {
    <#
    .SYNOPSIS
    On Windows: whether the folder's owner is BUILTIN\Administrators or SYSTEM. $null elsewhere.
    #>
    param([string] $Path)
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) {
        return $null
    }
    $owner = (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier]).Value
    return (@('S-1-5-32-544', 'S-1-5-18') -contains $owner)
}

$jobId = $null
try {
    $payload = Read-BundlePayload -InputObject $pipelineInput
} catch {
    Write-BundleResult -JobId $null -Status 'failed' -ErrorInfo ([ordered]@{ code = 'invalid_payload'; message = $_.Exception.Message }) -Bundle $null
    Exit-HostScript -Code 2
    return
}
$jobId = $payload.job_id

try {
    $programData = $env:ProgramData
    if ([string]::IsNullOrEmpty($programData)) {
        $programData = 'C:\ProgramData'
    }
    $root = $programData.TrimEnd('\') + '\HvAgent\bundle\' + $payload.version
    # The folder as .NET sees it: the same path on a host; in the lab, drive C: is a folder of the sandbox.
    $providerRoot = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($root)
    $files = New-Object -TypeName System.Collections.Generic.List[object]
    $present = [System.IO.Directory]::Exists($providerRoot)
    $ownerTrusted = $null
    if ($present) {
        $ownerTrusted = Test-BundleOwnerTrusted -Path $providerRoot
        $prefixLength = $providerRoot.TrimEnd('\', '/').Length + 1
        foreach ($file in @(Get-ChildItem -LiteralPath $providerRoot -Recurse -Force -File)) {
            $files.Add([ordered]@{
                    path   = $file.FullName.Substring($prefixLength).Replace('\', '/')
                    sha256 = (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash.ToLowerInvariant()
                    bytes  = $file.Length
                })
        }
    }
    $bundle = [ordered]@{
        version       = $payload.version
        root          = $root
        path          = $providerRoot
        present       = $present
        files         = @($files.ToArray())
        owner_trusted = $ownerTrusted
    }
    Write-BundleResult -JobId $jobId -Status 'succeeded' -ErrorInfo $null -Bundle $bundle
    Exit-HostScript -Code 0
    return
} catch {
    Write-BundleResult -JobId $jobId -Status 'failed' -ErrorInfo ([ordered]@{ code = 'bundle_read_failed'; message = $_.Exception.Message }) -Bundle $null
    Exit-HostScript -Code 1
    return
}
