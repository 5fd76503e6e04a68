<#
.SYNOPSIS
Installs one version of the agent bundle on this host: writes the files to a staging folder, verifies every
hash, then moves the folder into place in one rename.

.DESCRIPTION
The control plane runs this when the host's bundle is missing or differs from its manifest (C6). The files
arrive in the payload (base64 each), never in command text. The target is
<data root>\HvAgent\bundle\<version>, where the data root is $env:ProgramData (C:\ProgramData when unset).

1. The files are written to <data root>\HvAgent\bundle\.staging-<guid> and each is checked with Get-FileHash
   against the SHA-256 and size the payload gives; a mismatch fails the install and nothing is moved.
2. An existing folder for the version (stale or changed) is renamed aside, the staging folder is renamed to the
   version folder, and the old one is deleted. A job never sees a half-written bundle.
3. Other versions are kept: another workstation on an older release may be running a job from one. Leftover
   staging and set-aside folders older than an hour (an interrupted install) are removed.

On Windows the bundle folder and each version folder are owned by Administrators, with a protected access list
(SYSTEM and Administrators full control, Users read and execute): the agent module loads every .ps1 file of its
folders, and ProgramData lets ordinary users create files.

Self-contained (sent with Invoke-Command -FilePath to remote hosts); Windows PowerShell 5.1 and PowerShell 7.

.INPUTS
System.String. Base64 of compact UTF-8 JSON, as pipeline input or standard input:
{"job_id": "<id>", "version": "<bundle version>", "files": [{"path": "HvAgent/HvAgent.psd1", "sha256": "<hex>",
"bytes": 460, "content": "<base64>"}, ...]}.

.OUTPUTS
One '##hvagent ' result event with `bundle` {version, root, path, files_written}. Error codes:
invalid_payload (exit 2), bundle_hash_mismatch, bundle_install_failed (exit 1).

.EXAMPLE
$payload | & .\Install-AgentBundle.ps1
#>
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$pipelineInput = @($input)
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

function New-InstallError {
    <#
    .SYNOPSIS
    An exception whose message starts with a code the catch block reports ('<code>|<message>').
    #>
    param([string] $Code, [string] $Message)
    return (New-Object -TypeName System.InvalidOperationException -ArgumentList ($Code + '|' + $Message))
}

function Test-BundleRelativePath {
    <#
    .SYNOPSIS
    Whether a manifest path is a plain relative path: segments of safe characters, no '.', '..' or drive.
    #>
    param([string] $Path)
    foreach ($segment in $Path.Split('/')) {
        if ($segment -notmatch '^[A-Za-z0-9_.][A-Za-z0-9_. +-]{0,127}$' -or $segment -eq '.' -or $segment -eq '..' -or
            $segment.EndsWith('.') -or $segment.EndsWith(' ')) {
            return $false
        }
    }
    return $true
}

function Read-BundlePayload {
    <#
    .SYNOPSIS
    Decodes the payload (pipeline input, else standard input) and checks every field.
    #>
    param([object[]] $InputObject)
    $text = ((@($InputObject) | Where-Object -FilterScript { $null -ne $_ }) -join '').Trim()
    if ($text -eq '' -and [Console]::IsInputRedirected) {
        $text = [Console]::In.ReadToEnd().Trim()
    }
    $document = ConvertFrom-Json -InputObject ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($text)))
    foreach ($name in @('job_id', 'version', 'files')) {
        if ($null -eq $document.PSObject.Properties[$name]) {
            throw ('the payload has no field ' + $name)
        }
    }
    if (-not ($document.version -is [string]) -or $document.version -notmatch '^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$') {
        throw 'the payload version is not a bundle version'
    }
    $files = @($document.files)
    if ($files.Count -eq 0) {
        throw 'the payload has no files'
    }
    foreach ($file in $files) {
        if (-not ($file.path -is [string]) -or -not (Test-BundleRelativePath -Path $file.path)) {
            throw ('the payload has an invalid file path: ' + $file.path)
        }
        if (-not ($file.sha256 -is [string]) -or $file.sha256 -notmatch '^[0-9a-f]{64}$' -or -not ($file.content -is [string])) {
            throw ('the payload has no valid sha256 or content for ' + $file.path)
        }
    }
    return $document
}

function Set-BundleFolderAccess {
    <#
    .SYNOPSIS
    On Windows: owner Administrators; SYSTEM and Administrators full control, Users read and execute, nothing
    inherited from ProgramData (which lets users create files). Elsewhere (the lab) nothing to do.
    #>
    param([string] $Path)
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) {
        return
    }
    $inherit = [System.Security.AccessControl.InheritanceFlags] 'ContainerInherit, ObjectInherit'
    $none = [System.Security.AccessControl.PropagationFlags]::None
    $allow = [System.Security.AccessControl.AccessControlType]::Allow
    $acl = Get-Acl -LiteralPath $Path
    $acl.SetOwner((New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'))
    # Protected, inherited entries dropped; then only our explicit entries (idempotent on a second install).
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($rule in @($acl.GetAccessRules($true, $false, [System.Security.Principal.SecurityIdentifier]))) {
        [void] $acl.RemoveAccessRuleSpecific($rule)
    }
    foreach ($grant in @(@('S-1-5-18', 'FullControl'), @('S-1-5-32-544', 'FullControl'), @('S-1-5-32-545', 'ReadAndExecute'))) {
        $sid = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList $grant[0]
        $acl.AddAccessRule((New-Object -TypeName System.Security.AccessControl.FileSystemAccessRule -ArgumentList @(
                    $sid, [System.Security.AccessControl.FileSystemRights] $grant[1], $inherit, $none, $allow)))
    }
    Set-Acl -LiteralPath $Path -AclObject $acl
}

function Remove-BundleLeftover {
    <#
    .SYNOPSIS
    Deletes staging and set-aside folders of interrupted installs (older than an hour, so never a running one).
    #>
    param([string] $Parent)
    $limit = [DateTime]::UtcNow.AddHours(-1)
    foreach ($folder in @(Get-ChildItem -LiteralPath $Parent -Directory -Force)) {
        if (($folder.Name.StartsWith('.staging-') -or $folder.Name.StartsWith('.replaced-')) -and $folder.LastWriteTimeUtc -lt $limit) {
            [System.IO.Directory]::Delete($folder.FullName, $true)
        }
    }
}

function Test-StagedBundle {
    <#
    .SYNOPSIS
    Checks every staged file with Get-FileHash against the payload, and that nothing else is in the folder.
    #>
    param([string] $Staging, [object[]] $Files)
    foreach ($file in $Files) {
        $full = [System.IO.Path]::Combine($Staging, $file.path)
        $hash = (Get-FileHash -LiteralPath $full -Algorithm SHA256).Hash.ToLowerInvariant()
        if ($hash -ne $file.sha256 -or (Get-Item -LiteralPath $full -Force).Length -ne [int64] $file.bytes) {
            throw (New-InstallError -Code 'bundle_hash_mismatch' -Message ('the staged file ' + $file.path + ' does not match its SHA-256 or size'))
        }
    }
    $count = @(Get-ChildItem -LiteralPath $Staging -Recurse -Force -File).Count
    if ($count -ne $Files.Count) {
        throw (New-InstallError -Code 'bundle_hash_mismatch' -Message ('the staging folder holds ' + $count + ' files, expected ' + $Files.Count))
    }
}

$jobId = $null
try {
    $payload = Read-BundlePayload -InputObject $pipelineInput
} catch {
    Write-BundleResult -JobId $null -Status 'failed' -ErrorInfo ([ordered]@{ code = 'invalid_payload'; message = $_.Exception.Message }) -Bundle $null
    Exit-HostScript -Code 2
    return
}
$jobId = [string] $payload.job_id
$files = @($payload.files)
$staging = $null

try {
    $programData = $env:ProgramData
    if ([string]::IsNullOrEmpty($programData)) {
        $programData = 'C:\ProgramData'
    }
    $root = $programData.TrimEnd('\') + '\HvAgent\bundle\' + $payload.version
    # Folders as .NET sees them: the same paths on a host; in the lab, drive C: is a folder of the sandbox.
    $parent = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($programData.TrimEnd('\') + '\HvAgent\bundle')
    $final = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($root)
    [void] [System.IO.Directory]::CreateDirectory($parent)
    Set-BundleFolderAccess -Path $parent
    Remove-BundleLeftover -Parent $parent

    $staging = [System.IO.Path]::Combine($parent, '.staging-' + [guid]::NewGuid().ToString('N'))
    [void] [System.IO.Directory]::CreateDirectory($staging)
    Set-BundleFolderAccess -Path $staging
    foreach ($file in $files) {
        $bytes = [System.Convert]::FromBase64String($file.content)
        $full = [System.IO.Path]::Combine($staging, $file.path)
        [void] [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($full))
        [System.IO.File]::WriteAllBytes($full, $bytes)
    }
    Test-StagedBundle -Staging $staging -Files $files

    $aside = $null
    if ([System.IO.Directory]::Exists($final)) {
        $aside = [System.IO.Path]::Combine($parent, '.replaced-' + [guid]::NewGuid().ToString('N'))
        [System.IO.Directory]::Move($final, $aside)
    }
    try {
        [System.IO.Directory]::Move($staging, $final)
    } catch {
        if ($null -ne $aside) {
            [System.IO.Directory]::Move($aside, $final)
        }
        throw
    }
    $staging = $null
    if ($null -ne $aside) {
        try {
            [System.IO.Directory]::Delete($aside, $true)
        } catch {
            Write-Host -Object ('could not remove the replaced bundle folder ' + $aside + ': ' + $_.Exception.Message)
        }
    }
    $bundle = [ordered]@{ version = $payload.version; root = $root; path = $final; files_written = $files.Count }
    Write-BundleResult -JobId $jobId -Status 'succeeded' -ErrorInfo $null -Bundle $bundle
    Exit-HostScript -Code 0
    return
} catch {
    $message = $_.Exception.Message
    $code = 'bundle_install_failed'
    if ($message -match '^(bundle_[a-z_]+)\|(.*)$') {
        $code = $Matches[1]
        $message = $Matches[2]
    }
    if ($null -ne $staging -and [System.IO.Directory]::Exists($staging)) {
        try {
            [System.IO.Directory]::Delete($staging, $true)
        } catch {
            Write-Host -Object ('could not remove the staging folder ' + $staging + ': ' + $_.Exception.Message)
        }
    }
    Write-BundleResult -JobId $jobId -Status 'failed' -ErrorInfo ([ordered]@{ code = $code; message = $message }) -Bundle $null
    Exit-HostScript -Code 1
    return
}
