function Test-BundleManifest {
    <#
    .SYNOPSIS
    Compares the committed bundle.manifest.json with the bundle folder; returns one object per difference.
    .DESCRIPTION
    Nothing is returned when the manifest is current. Each difference has Kind (ManifestMissing,
    ManifestUnreadable, Bundle, Version, Added, Removed, Changed, Format), Path (the bundle file, when there
    is one) and Message (one readable line). Added means a file on disk the manifest does not list; Removed a
    listed file that is gone; Changed a file whose hash or size differs; Format the right content written
    differently than Update-BundleManifest.ps1 writes it (only reported when nothing else differs).
    .EXAMPLE
    Test-BundleManifest -BundlePath ./powershell/agent | ForEach-Object -MemberName Message
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $BundlePath
    )
    $expected = Get-BundleManifest -BundlePath $BundlePath
    $manifestPath = Join-Path -Path $BundlePath -ChildPath 'bundle.manifest.json'
    $differences = [System.Collections.Generic.List[pscustomobject]]::new()
    $add = {
        param([string] $Kind, [string] $Path, [string] $Message)
        $differences.Add([pscustomobject]@{ Kind = $Kind; Path = $Path; Message = $Message })
    }

    if (-not (Test-Path -LiteralPath $manifestPath -PathType Leaf)) {
        & $add 'ManifestMissing' $null "bundle.manifest.json does not exist in '$BundlePath'"
        return $differences.ToArray()
    }
    $committedText = [System.IO.File]::ReadAllText($manifestPath)
    $committed = $null
    try {
        $committed = ConvertFrom-Json -InputObject $committedText -AsHashtable -ErrorAction Stop
    }
    catch {
        & $add 'ManifestUnreadable' $null "bundle.manifest.json is not valid JSON: $($_.Exception.Message)"
        return $differences.ToArray()
    }
    if ($committed -isnot [System.Collections.IDictionary] -or $committed['files'] -isnot [System.Collections.IList]) {
        & $add 'ManifestUnreadable' $null 'bundle.manifest.json is not an object with a "files" array'
        return $differences.ToArray()
    }

    if ($committed['bundle'] -cne $expected.bundle) {
        & $add 'Bundle' $null "bundle is '$($committed['bundle'])', expected '$($expected.bundle)'"
    }
    $committedFiles = @{}
    foreach ($entry in $committed['files']) {
        if ($entry -is [System.Collections.IDictionary] -and $entry['path'] -is [string]) {
            $committedFiles[$entry['path']] = $entry
        }
    }
    $expectedPaths = @{}
    foreach ($entry in $expected.files) {
        $expectedPaths[$entry.path] = $true
        $listed = $committedFiles[$entry.path]
        if ($null -eq $listed) {
            & $add 'Added' $entry.path "$($entry.path): on disk but not in the manifest"
        }
        elseif ($listed['sha256'] -cne $entry.sha256 -or $listed['bytes'] -ne $entry.bytes) {
            & $add 'Changed' $entry.path "$($entry.path): manifest has sha256 $($listed['sha256']) ($($listed['bytes']) bytes), file has $($entry.sha256) ($($entry.bytes) bytes)"
        }
    }
    foreach ($path in $committedFiles.Keys | Sort-Object) {
        if (-not $expectedPaths.ContainsKey($path)) {
            & $add 'Removed' $path "${path}: in the manifest but not on disk"
        }
    }
    if ($committed['version'] -cne $expected.version) {
        & $add 'Version' $null "version is '$($committed['version'])', expected '$($expected.version)'"
    }
    # When the content differs the lines above already explain why the text differs.
    if ($differences.Count -eq 0 -and $committedText -cne (ConvertTo-BundleManifestJson -Manifest $expected)) {
        & $add 'Format' $null 'bundle.manifest.json has the right content but is not byte-identical to the generated file (order, line endings, spacing or duplicate entries)'
    }
    $differences.ToArray()
}
