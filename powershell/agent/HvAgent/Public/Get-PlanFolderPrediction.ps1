function Get-PlanFolderPrediction {
    <#
    .SYNOPSIS
    Which folders the delete will prune (empty afterwards) and which keep content, deepest first (S5).
    .DESCRIPTION
    Candidates: the own folders, every folder beneath them, and their parent folders (a parent only when it
    will be empty; its other content is not this VM's business). A folder is predicted empty when its content
    was read in full and every child is a file being deleted or a folder predicted empty. Protected folders and
    folders holding another VM's things are never candidates. Reparse points count as content.
    Returns {Prune = [paths], Keep = [{path, reason, holds}], Candidates = [paths]}.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Scope,
        [Parameter(Mandatory = $true)] [psobject] $Index,
        [Parameter(Mandatory = $true)] [psobject] $FileSystem,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $ProtectedRoots,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $DeletedKeys
    )
    $deleted = @{}
    foreach ($key in $DeletedKeys) { $deleted[$key] = $true }
    $candidates = @{}
    foreach ($folder in @($Scope.OwnFolders)) {
        $key = Get-WindowsPathKey -Path $folder
        if (-not $FileSystem.Items.ContainsKey($key)) { continue }
        $candidates[$key] = [pscustomobject]@{ Path = $FileSystem.Items[$key].Path; Parent = $false }
        foreach ($item in @($FileSystem.Items.Values)) {
            if ($item.IsDirectory -and -not $item.IsReparsePoint -and (Test-WindowsPathUnder -Path $item.Path -Folder $folder)) {
                $candidates[$item.Key] = [pscustomobject]@{ Path = $item.Path; Parent = $false }
            }
        }
    }
    foreach ($folder in @($Scope.ParentFolders)) {
        $key = Get-WindowsPathKey -Path $folder
        if ($candidates.ContainsKey($key) -or -not $FileSystem.Items.ContainsKey($key)) { continue }
        if (Test-ProtectedFolder -Folder $folder -ProtectedRoots $ProtectedRoots) { continue }
        if ($null -ne (Find-OtherVmContent -Index $Index -Folder $folder)) { continue }
        $candidates[$key] = [pscustomobject]@{ Path = $FileSystem.Items[$key].Path; Parent = $true }
    }

    $empty = @{}
    $prune = @()
    $keep = @()
    $ordered = @($candidates.Keys | Sort-Object -Property @{ Expression = { $_.Length }; Descending = $true }, @{ Expression = { $_ } })
    foreach ($key in $ordered) {
        $candidate = $candidates[$key]
        $holds = @()
        if (-not $FileSystem.Listed.ContainsKey($key)) {
            $holds = @('(content not read)')
        } else {
            foreach ($child in @(Get-FileSystemViewChildren -View $FileSystem -Folder $candidate.Path)) {
                $gone = ((-not $child.IsDirectory -and $deleted.ContainsKey($child.Key)) -or ($child.IsDirectory -and $empty.ContainsKey($child.Key)))
                if (-not $gone) { $holds += $child.Name }
            }
        }
        if ($holds.Count -eq 0) {
            $empty[$key] = $true
            $prune += $candidate.Path
        } elseif (-not $candidate.Parent) {
            $keep += [pscustomobject]@{ path = $candidate.Path; reason = 'not_empty'; holds = @($holds | Sort-Object) }
        }
    }
    return [pscustomobject]@{ Prune = $prune; Keep = $keep }
}
