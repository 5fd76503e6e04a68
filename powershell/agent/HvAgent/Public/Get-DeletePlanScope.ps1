function Get-DeletePlanScope {
    <#
    .SYNOPSIS
    First half of the plan (pure): which disks are the VM's, which parents are kept, which ISOs it uses, which
    folders are its own, and which folders must be looked at on disk before the plan can be finished.
    .DESCRIPTION
    Disks (S4): every disk attached to the VM or to any of its checkpoints (and disks it had before a failed run,
    FormerDiskPaths) plus the links of their chains up to the farthest of them; every parent beyond those is a
    ParentDisk (kept: a template or base image). Own folders: configuration, checkpoint and smart-paging folders
    and the folders of its disks, each only when it is not protected (S5) and nothing at or beneath it belongs to
    another VM; the others are RejectedFolders with the reason.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Target,
        [Parameter(Mandatory = $true)] [hashtable] $Chains,
        [Parameter(Mandatory = $true)] [psobject] $Index,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $ProtectedRoots
    )
    $ownDisks = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($drive in @($Target.HardDrives)) {
        if ($null -ne $drive -and -not [string]::IsNullOrEmpty($drive.Path)) { $ownDisks.Add($drive.Path) }
    }
    foreach ($checkpoint in @($Target.Checkpoints)) {
        if ($null -eq $checkpoint) { continue }
        foreach ($disk in @($checkpoint.DiskPaths)) { if (-not [string]::IsNullOrEmpty($disk)) { $ownDisks.Add($disk) } }
    }
    foreach ($disk in @($Target.FormerDiskPaths)) { if (-not [string]::IsNullOrEmpty($disk)) { $ownDisks.Add($disk) } }
    $ownKeys = @{}
    foreach ($disk in $ownDisks) { $ownKeys[(Get-WindowsPathKey -Path $disk)] = $true }

    $candidates = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    $parents = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    foreach ($disk in $ownDisks) {
        $chain = @(Get-VhdChainPaths -Map $Chains -Path $disk)
        $farthest = 0
        for ($i = 0; $i -lt $chain.Count; $i++) {
            if ($ownKeys.ContainsKey((Get-WindowsPathKey -Path $chain[$i]))) { $farthest = $i }
        }
        for ($i = 0; $i -lt $chain.Count; $i++) {
            $key = Get-WindowsPathKey -Path $chain[$i]
            if ($i -le $farthest) {
                if (-not $candidates.Contains($key)) { $candidates[$key] = $chain[$i] }
            } elseif (-not $parents.Contains($key)) {
                $parents[$key] = $chain[$i]
            }
        }
    }
    foreach ($key in @($candidates.Keys)) {
        if ($parents.Contains($key)) { $parents.Remove($key) }
    }

    $isoPaths = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    $allIsos = @($Target.DvdDrives | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { $_.Path })
    foreach ($checkpoint in @($Target.Checkpoints)) { if ($null -ne $checkpoint) { $allIsos += @($checkpoint.IsoPaths) } }
    $allIsos += @($Target.FormerIsoPaths)
    foreach ($iso in $allIsos) {
        if (-not [string]::IsNullOrEmpty($iso)) { $isoPaths[(Get-WindowsPathKey -Path $iso)] = ConvertTo-WindowsPath -Path $iso }
    }

    $folderCandidates = @($Target.Path, $Target.SnapshotPath, $Target.SmartPagingPath)
    foreach ($disk in @($candidates.Values)) { $folderCandidates += Get-WindowsParentPath -Path $disk }
    $own = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    $rejected = @()
    $seen = @{}
    foreach ($folder in $folderCandidates) {
        if ([string]::IsNullOrEmpty($folder)) { continue }
        $key = Get-WindowsPathKey -Path $folder
        if ($seen.ContainsKey($key)) { continue }
        $seen[$key] = $true
        $normal = ConvertTo-WindowsPath -Path $folder
        if (Test-ProtectedFolder -Folder $normal -ProtectedRoots $ProtectedRoots) {
            $rejected += [pscustomobject]@{ Path = $normal; Reason = 'protected_root'; Detail = 'a drive root, cluster shared volume root or default Hyper-V folder' }
            continue
        }
        $other = Find-OtherVmContent -Index $Index -Folder $normal
        if ($null -ne $other) {
            $rejected += [pscustomobject]@{ Path = $normal; Reason = 'other_vm'; Detail = $other }
            continue
        }
        $own[$key] = $normal
    }
    $parentFolders = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    foreach ($folder in @($own.Values)) {
        $parent = Get-WindowsParentPath -Path $folder
        $key = Get-WindowsPathKey -Path $parent
        if ($parent -ne '' -and -not $own.Contains($key) -and -not $parentFolders.Contains($key)) { $parentFolders[$key] = $parent }
    }
    $configFolders = @()
    if (-not [string]::IsNullOrEmpty($Target.Path)) { $configFolders += Join-WindowsPath -Path $Target.Path -ChildName 'Virtual Machines' }
    if (-not [string]::IsNullOrEmpty($Target.SnapshotPath)) { $configFolders += Join-WindowsPath -Path $Target.SnapshotPath -ChildName 'Snapshots' }
    $idPrefixes = @($Target.Id)
    foreach ($checkpoint in @($Target.Checkpoints)) { if ($null -ne $checkpoint) { $idPrefixes += $checkpoint.Id } }
    $idPrefixes += @($Target.FormerCheckpointIds | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })

    return [pscustomobject]@{
        DiskCandidates  = @($candidates.Values)
        ParentDisks     = @($parents.Values)
        IsoPaths        = @($isoPaths.Values)
        OwnFolders      = @($own.Values)
        RejectedFolders = $rejected
        ParentFolders   = @($parentFolders.Values)
        ConfigFolders   = $configFolders
        IdPrefixes      = $idPrefixes
    }
}
