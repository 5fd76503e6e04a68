function New-DeletePlan {
    <#
    .SYNOPSIS
    The whole delete plan (S2), as pure logic over VM records, the chain map, the scope and a file system view.
    .DESCRIPTION
    Decides every file: delete (disk, checkpoint_disk, iso, provisioning_iso, config) or keep with a reason
    (shared: another VM references it, S3; parent: beyond the VM's own disks, a template; outside_vm_folders: an
    ISO not in the VM's own folders; named_for_other_vm: an ISO that also carries another VM's longer name).
    Predicts which folders end up empty (pruned bottom-up, S5) and which keep content, and lists the drives to
    detach. The result is the `plan` event's body (see powershell/README.md) plus own_folders and merge_files.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Target,
        [Parameter(Mandatory = $true)] [psobject] $Scope,
        [Parameter(Mandatory = $true)] [psobject] $Index,
        [Parameter(Mandatory = $true)] [psobject] $FileSystem,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $ProtectedRoots,
        [AllowNull()] $ClusterRole = $null
    )
    $delete = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    $keep = New-Object -TypeName System.Collections.Specialized.OrderedDictionary
    $addDelete = {
        param($Path, $Kind)
        $key = Get-WindowsPathKey -Path $Path
        if ($delete.Contains($key) -or $keep.Contains($key)) { return }
        if (-not $FileSystem.Items.ContainsKey($key) -or $FileSystem.Items[$key].IsDirectory) { return }
        $delete[$key] = [pscustomobject]@{ path = $FileSystem.Items[$key].Path; kind = $Kind; size_bytes = $FileSystem.Items[$key].Size }
    }
    $addKeep = {
        param($Path, $Kind, $Reason, $Detail)
        $key = Get-WindowsPathKey -Path $Path
        if ($delete.Contains($key) -or $keep.Contains($key)) { return }
        $keep[$key] = [pscustomobject]@{ path = ConvertTo-WindowsPath -Path $Path; kind = $Kind; reason = $Reason; detail = $Detail }
    }
    $sharedBy = {
        param($Path)
        $key = Get-WindowsPathKey -Path $Path
        if ($Index.Files.ContainsKey($key)) { return $Index.Files[$key] }
        return $null
    }
    $diskKind = {
        param($Path)
        if ($Path -match '\.avhdx?$') { return 'checkpoint_disk' }
        return 'disk'
    }

    foreach ($disk in @($Scope.DiskCandidates)) {
        $owner = & $sharedBy $disk
        if ($null -ne $owner) { & $addKeep $disk (& $diskKind $disk) 'shared' ('used by ' + $owner) }
        else { & $addDelete $disk (& $diskKind $disk) }
    }
    foreach ($disk in @($Scope.ParentDisks)) {
        $owner = & $sharedBy $disk
        if ($null -ne $owner) { & $addKeep $disk 'disk' 'shared' ('used by ' + $owner) }
        elseif ($FileSystem.Items.ContainsKey((Get-WindowsPathKey -Path $disk))) { & $addKeep $disk 'disk' 'parent' "parent of this VM's disks (a template or base image)" }
    }
    $inOwnFolder = {
        param($Path)
        foreach ($folder in @($Scope.OwnFolders)) { if (Test-WindowsPathUnder -Path $Path -Folder $folder) { return $true } }
        return $false
    }
    $outside = @()
    foreach ($iso in @($Scope.IsoPaths)) {
        $owner = & $sharedBy $iso
        if ($null -ne $owner) { & $addKeep $iso 'iso' 'shared' ('used by ' + $owner) }
        elseif (& $inOwnFolder $iso) { & $addDelete $iso 'iso' }
        else { $outside += $iso }
    }

    # Provisioning-ISO sweep (seed step 5): own folders (named for the VM, or a common provisioning name) and
    # their parents (named for the VM only). A name that also fits another VM with a name at least as long is
    # that VM's; a file another VM references is never swept.
    $longerNames = @($Index.Names | Where-Object -FilterScript { $_.Length -ge $Target.Name.Length })
    $sweep = @()
    foreach ($folder in @($Scope.OwnFolders)) { $sweep += [pscustomobject]@{ Folder = $folder; Own = $true } }
    foreach ($folder in @($Scope.ParentFolders)) { $sweep += [pscustomobject]@{ Folder = $folder; Own = $false } }
    foreach ($place in $sweep) {
        foreach ($child in @(Get-FileSystemViewChildren -View $FileSystem -Folder $place.Folder)) {
            if ($child.IsDirectory) { continue }
            $named = Test-IsoNamedForVm -FileName $child.Name -VmName $Target.Name
            $common = ($place.Own -and $child.Name.EndsWith('.iso', [System.StringComparison]::OrdinalIgnoreCase) -and (Test-ProvisioningIsoName -FileName $child.Name))
            if (-not ($named -or $common)) { continue }
            $owner = & $sharedBy $child.Path
            $otherName = @($longerNames | Where-Object -FilterScript { Test-IsoNamedForVm -FileName $child.Name -VmName $_ }) | Select-Object -First 1
            if ($null -ne $owner) { & $addKeep $child.Path 'provisioning_iso' 'shared' ('used by ' + $owner) }
            elseif ($named -and $null -ne $otherName) { & $addKeep $child.Path 'provisioning_iso' 'named_for_other_vm' ("also named for VM '" + $otherName + "'") }
            else { & $addDelete $child.Path 'provisioning_iso' }
        }
    }

    # An attached ISO outside the own folders stays, unless the sweep took it as a provisioning ISO named for
    # this VM in a parent folder.
    foreach ($iso in $outside) {
        & $addKeep $iso 'iso' 'outside_vm_folders' "not in one of this VM's own folders (a library or shared ISO)"
    }

    # Configuration files: removed by Remove-VM / Remove-VMSnapshot; listed so the plan shows every file that goes.
    foreach ($folder in @($Scope.ConfigFolders)) {
        $folderKey = Get-WindowsPathKey -Path $folder
        foreach ($item in @($FileSystem.Items.Values | Sort-Object -Property 'Key')) {
            if ($item.IsDirectory -or -not (Test-WindowsPathUnder -Path $item.Path -Folder $folder)) { continue }
            $relative = $item.Path.Substring($folderKey.Length).TrimStart('\')
            $matchesId = $false
            foreach ($segment in $relative.Split([char[]] @('\'))) {
                foreach ($prefix in @($Scope.IdPrefixes)) {
                    if ($segment.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { $matchesId = $true }
                }
            }
            if ($matchesId) { & $addDelete $item.Path 'config' }
        }
    }

    $folders = Get-PlanFolderPrediction -Scope $Scope -Index $Index -FileSystem $FileSystem -ProtectedRoots $ProtectedRoots -DeletedKeys @($delete.Keys)
    return New-DeletePlanDocument -Target $Target -ClusterRole $ClusterRole -Delete @($delete.Values) -Keep @($keep.Values) -Folders $folders -Scope $Scope -ProtectedRoots $ProtectedRoots
}
