function ConvertTo-BundleManifestJson {
    <#
    .SYNOPSIS
    The exact text of bundle.manifest.json for a manifest: indented JSON, LF line endings, one final newline.
    .EXAMPLE
    Get-BundleManifest -BundlePath ./powershell/agent | ConvertTo-BundleManifestJson
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [System.Collections.IDictionary] $Manifest
    )
    process {
        # -AsArray is not used: 'files' is already an array, and an empty bundle must still give "files": [].
        $json = ConvertTo-Json -InputObject $Manifest -Depth 5
        if ($Manifest.files.Count -eq 0) {
            $json = $json -replace '"files":\s*(null|\{\})', '"files": []'
        }
        ($json -replace "`r`n", "`n") + "`n"
    }
}
