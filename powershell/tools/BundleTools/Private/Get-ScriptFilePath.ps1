function Get-ScriptFilePath {
    <#
    .SYNOPSIS
    Every .ps1, .psm1 and .psd1 file under the given files or folders, with the root each was found under.
    .PARAMETER Exclude
    Wildcard patterns matched against the path relative to the folder it was found under, with forward
    slashes (for example 'tests/tools/fixtures/*').
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string[]] $Path,

        [string[]] $Exclude = @()
    )
    $extensions = @('.ps1', '.psm1', '.psd1')
    foreach ($item in $Path) {
        $resolved = (Resolve-Path -LiteralPath $item -ErrorAction Stop).ProviderPath
        if (Test-Path -LiteralPath $resolved -PathType Leaf) {
            [pscustomobject]@{ FullName = $resolved; Root = Split-Path -Path $resolved -Parent }
            continue
        }
        $files = Get-ChildItem -LiteralPath $resolved -File -Recurse -Force |
            Where-Object -FilterScript { $extensions -contains $_.Extension.ToLowerInvariant() } |
            Sort-Object -Property FullName
        foreach ($file in $files) {
            $relativePath = [System.IO.Path]::GetRelativePath($resolved, $file.FullName).Replace('\', '/')
            $isExcluded = @($Exclude | Where-Object -FilterScript { $relativePath -like $_ }).Count -gt 0
            if (-not $isExcluded) {
                [pscustomobject]@{ FullName = $file.FullName; Root = $resolved }
            }
        }
    }
}
