function Read-PlanFileSystem {
    <#
    .SYNOPSIS
    Reads from disk what the plan scope names (read-only): each disk and ISO file, the own and configuration
    folders in full, and the parent folders one level deep. Returns a view (New-FileSystemView).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Scope
    )
    $entries = New-Object -TypeName System.Collections.Generic.List[object]
    $listed = New-Object -TypeName System.Collections.Generic.List[string]
    $files = @($Scope.DiskCandidates) + @($Scope.ParentDisks) + @($Scope.IsoPaths)
    foreach ($file in $files) {
        if ([string]::IsNullOrEmpty($file)) { continue }
        if (Test-Path -LiteralPath $file -PathType Leaf) {
            $item = Get-Item -LiteralPath $file -Force -ErrorAction Stop
            $entries.Add([pscustomobject]@{ Path = $file; IsDirectory = $false; Size = [long] $item.Length })
        }
    }
    $recursive = @($Scope.OwnFolders) + @($Scope.ConfigFolders)
    foreach ($folder in ($recursive + @($Scope.ParentFolders))) {
        if ([string]::IsNullOrEmpty($folder) -or -not (Test-Path -LiteralPath $folder -PathType Container)) { continue }
        $entries.Add([pscustomobject]@{ Path = $folder; IsDirectory = $true; Size = 0 })
        $listed.Add($folder)
        $deep = ($recursive -contains $folder)
        foreach ($entry in @(Get-FolderEntries -Path $folder -Recurse:$deep)) {
            $entries.Add($entry)
            if ($deep -and $entry.IsDirectory -and -not $entry.IsReparsePoint) { $listed.Add($entry.Path) }
        }
    }
    return New-FileSystemView -Entries $entries.ToArray() -ListedFolders $listed.ToArray()
}
