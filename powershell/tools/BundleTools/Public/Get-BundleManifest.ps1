function Get-BundleManifest {
    <#
    .SYNOPSIS
    Computes the manifest the agent bundle folder should carry (it does not read or write bundle.manifest.json).
    .DESCRIPTION
    Lists every file under the bundle folder (hidden ones too) except bundle.manifest.json itself, with the
    SHA-256 of its exact bytes and its size, sorted by path (ordinal, forward slashes, relative to the bundle).
    The version is "<ModuleVersion of HvAgent/HvAgent.psd1>+<first 12 hex of the content hash>", where the
    content hash is the SHA-256 of the UTF-8 text made of one line "<sha256>  <path>\n" per file, in manifest
    order (the format of sha256sum). Same tree, same manifest: nothing depends on time, culture or platform.
    .EXAMPLE
    Get-BundleManifest -BundlePath ./powershell/agent
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory)]
        [string] $BundlePath
    )
    $root = (Resolve-Path -LiteralPath $BundlePath -ErrorAction Stop).ProviderPath
    $moduleManifestPath = Join-Path -Path $root -ChildPath 'HvAgent/HvAgent.psd1'
    if (-not (Test-Path -LiteralPath $moduleManifestPath -PathType Leaf)) {
        throw "The bundle has no HvAgent/HvAgent.psd1 (looked for '$moduleManifestPath'); its ModuleVersion is the bundle version."
    }
    $moduleVersion = (Import-PowerShellDataFile -LiteralPath $moduleManifestPath).ModuleVersion

    $entries = foreach ($file in Get-ChildItem -LiteralPath $root -File -Recurse -Force) {
        $relativePath = [System.IO.Path]::GetRelativePath($root, $file.FullName).Replace('\', '/')
        if ($relativePath -ceq 'bundle.manifest.json') {
            continue
        }
        [ordered]@{
            path   = $relativePath
            sha256 = Get-Sha256Hex -LiteralPath $file.FullName
            bytes  = $file.Length
        }
    }
    # Ordinal order, so the sort does not depend on the culture of the machine that runs it.
    $sorted = [System.Collections.Generic.List[object]]::new()
    foreach ($entry in @($entries)) {
        $sorted.Add($entry)
    }
    $sorted.Sort([System.Comparison[object]] { param($a, $b) [string]::CompareOrdinal($a.path, $b.path) })

    $contentLines = foreach ($entry in $sorted) {
        "$($entry.sha256)  $($entry.path)`n"
    }
    $contentBytes = [System.Text.UTF8Encoding]::new($false).GetBytes(($contentLines -join ''))
    $contentHash = Get-Sha256Hex -Bytes $contentBytes

    [ordered]@{
        bundle  = 'hvagent'
        version = "$moduleVersion+$($contentHash.Substring(0, 12))"
        files   = $sorted.ToArray()
    }
}
