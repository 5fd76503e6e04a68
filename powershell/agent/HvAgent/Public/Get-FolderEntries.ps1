function Get-FolderEntries {
    <#
    .SYNOPSIS
    Lists a folder's content as entries with Windows paths: Path, ParentPath, Name, IsDirectory, IsReparsePoint, Size.
    .DESCRIPTION
    Uses Get-ChildItem -LiteralPath -Force (hidden files count as content) and builds each path from the folder's
    Windows path and the child's Name (never FullName, which is the provider's own path off Windows). With
    -Recurse it descends into subfolders, but never into reparse points (junctions, symlinks), which stay opaque
    content. A missing folder lists nothing.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [switch] $Recurse
    )
    $folder = ConvertTo-WindowsPath -Path $Path
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
        return
    }
    foreach ($item in @(Get-ChildItem -LiteralPath $folder -Force -ErrorAction Stop)) {
        $isReparse = (($item.Attributes -band [System.IO.FileAttributes]::ReparsePoint) -ne 0)
        $size = [long] 0
        if (-not $item.PSIsContainer) {
            $size = [long] $item.Length
        }
        $entry = [pscustomobject]@{
            Path           = Join-WindowsPath -Path $folder -ChildName $item.Name
            ParentPath     = $folder
            Name           = $item.Name
            IsDirectory    = [bool] $item.PSIsContainer
            IsReparsePoint = $isReparse
            Size           = $size
        }
        $entry
        if ($Recurse -and $entry.IsDirectory -and -not $isReparse) {
            Get-FolderEntries -Path $entry.Path -Recurse
        }
    }
}
