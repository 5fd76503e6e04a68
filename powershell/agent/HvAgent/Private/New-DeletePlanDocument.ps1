function New-DeletePlanDocument {
    <#
    .SYNOPSIS
    Assembles the plan document (the `plan` event body) from the decisions New-DeletePlan made.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Target,
        [AllowNull()] $ClusterRole,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [object[]] $Delete,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [object[]] $Keep,
        [Parameter(Mandatory = $true)] [psobject] $Folders,
        [Parameter(Mandatory = $true)] [psobject] $Scope,
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [string[]] $ProtectedRoots
    )
    $state = $Target.State
    if (-not $Target.Present) { $state = 'Absent' }
    $baseState = Get-VmStateName -State $state -Base
    $powerAction = 'turn_off'
    if ($baseState -eq 'Off' -or $baseState -eq 'Absent') { $powerAction = 'none' }

    $drives = @()
    foreach ($drive in @($Target.HardDrives)) {
        if ($null -eq $drive) { continue }
        $controller = $drive.ControllerType + ' ' + $drive.ControllerNumber + ':' + $drive.ControllerLocation
        if ($null -ne $drive.DiskNumber) { $drives += [ordered]@{ kind = 'passthrough'; controller = $controller; disk_number = $drive.DiskNumber } }
        else { $drives += [ordered]@{ kind = 'disk'; controller = $controller; path = $drive.Path } }
    }
    foreach ($drive in @($Target.DvdDrives)) {
        if ($null -eq $drive) { continue }
        $controller = $drive.ControllerType + ' ' + $drive.ControllerNumber + ':' + $drive.ControllerLocation
        $drives += [ordered]@{ kind = 'dvd'; controller = $controller; path = $drive.Path }
    }
    $mergeFiles = @()
    if (@($Target.Checkpoints).Count -gt 0) {
        $mergeFiles = @($Delete | Where-Object -FilterScript { $_.kind -eq 'checkpoint_disk' } | ForEach-Object -Process { $_.path })
    }
    $folderKeep = @($Folders.Keep)
    foreach ($rejected in @($Scope.RejectedFolders)) {
        $folderKeep += [pscustomobject]@{ path = $rejected.Path; reason = $rejected.Reason; holds = @(); detail = $rejected.Detail }
    }
    return [ordered]@{
        vm               = [ordered]@{ id = $Target.Id; name = $Target.Name; state = $state; status = $Target.Status; path = $Target.Path; present = [bool] $Target.Present }
        cluster_role     = $ClusterRole
        power_action     = $powerAction
        requires_force   = ($powerAction -eq 'turn_off')
        checkpoints      = @(@($Target.Checkpoints) | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { [ordered]@{ id = $_.Id; name = $_.Name } })
        files_to_delete  = @($Delete)
        files_to_keep    = @($Keep)
        drives_to_detach = $drives
        folders_to_prune = @($Folders.Prune)
        folders_to_keep  = $folderKeep
        protected_roots  = @($ProtectedRoots)
        own_folders      = @($Scope.OwnFolders)
        merge_files      = $mergeFiles
    }
}
