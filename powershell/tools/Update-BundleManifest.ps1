#Requires -Version 7.2
<#
.SYNOPSIS
Writes powershell/agent/bundle.manifest.json: the bundle version and the SHA-256 and size of every bundle file.

.DESCRIPTION
Run it (npm run manifest) after any change under powershell/agent. The output is deterministic: the same tree
gives a byte-identical file (sorted paths, LF line endings, no timestamps), so the committed manifest changes
only when the bundle does. The format and the version formula are described in Get-BundleManifest and in
powershell/tools/README.md. A Pester test (powershell/tests/tools) fails while the committed manifest is stale.

.PARAMETER BundlePath
The bundle folder. Defaults to powershell/agent next to this script's folder.

.EXAMPLE
./powershell/tools/Update-BundleManifest.ps1

.EXAMPLE
./powershell/tools/Update-BundleManifest.ps1 -BundlePath /tmp/agent-copy
#>
[CmdletBinding()]
param(
    [string] $BundlePath = (Join-Path -Path $PSScriptRoot -ChildPath '../agent')
)
$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'BundleTools/BundleTools.psd1') -Force

$manifest = Get-BundleManifest -BundlePath $BundlePath
$text = ConvertTo-BundleManifestJson -Manifest $manifest
$manifestPath = Join-Path -Path (Resolve-Path -LiteralPath $BundlePath).ProviderPath -ChildPath 'bundle.manifest.json'
# UTF-8 without BOM, exactly these bytes: the control plane reads and compares this file.
[System.IO.File]::WriteAllBytes($manifestPath, [System.Text.UTF8Encoding]::new($false).GetBytes($text))
Write-Host "Wrote $manifestPath ($($manifest.files.Count) files, version $($manifest.version))"
