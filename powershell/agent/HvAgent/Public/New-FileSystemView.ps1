function New-FileSystemView {
    <#
    .SYNOPSIS
    An in-memory picture of the files and folders the plan looks at: what exists, sizes, and folder contents.
    .DESCRIPTION
    Entries are objects with Path, IsDirectory and optionally Size and IsReparsePoint. ListedFolders are the
    folders whose content was read completely: only for those can the plan say "empty after the delete".
    Pure: the plan logic reads this view, never the disk, so unit tests build it by hand.
    #>
    [CmdletBinding()]
    param(
        [AllowEmptyCollection()] [object[]] $Entries = @(),
        [AllowEmptyCollection()] [string[]] $ListedFolders = @()
    )
    $items = @{}
    $children = @{}
    foreach ($entry in $Entries) {
        if ($null -eq $entry) { continue }
        $path = ConvertTo-WindowsPath -Path $entry.Path
        $key = Get-WindowsPathKey -Path $path
        if ($items.ContainsKey($key)) { continue }
        $size = [long] 0
        if ($null -ne $entry.PSObject.Properties['Size'] -and $null -ne $entry.Size) { $size = [long] $entry.Size }
        $isReparse = $false
        if ($null -ne $entry.PSObject.Properties['IsReparsePoint']) { $isReparse = [bool] $entry.IsReparsePoint }
        $item = [pscustomobject]@{
            Path           = $path
            Key            = $key
            Name           = Get-WindowsLeafName -Path $path
            ParentKey      = Get-WindowsPathKey -Path (Get-WindowsParentPath -Path $path)
            IsDirectory    = [bool] $entry.IsDirectory
            IsReparsePoint = $isReparse
            Size           = $size
        }
        $items[$key] = $item
        if (-not $children.ContainsKey($item.ParentKey)) {
            $children[$item.ParentKey] = New-Object -TypeName System.Collections.Generic.List[object]
        }
        $children[$item.ParentKey].Add($item)
    }
    $listed = @{}
    foreach ($folder in $ListedFolders) {
        $listed[(Get-WindowsPathKey -Path $folder)] = $true
    }
    return [pscustomobject]@{
        Items    = $items
        Children = $children
        Listed   = $listed
    }
}
