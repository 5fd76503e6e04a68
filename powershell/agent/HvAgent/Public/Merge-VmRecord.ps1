function Merge-VmRecord {
    <#
    .SYNOPSIS
    Joins the VM record a previous run saved with the VM as it is now (or $null when it is already unregistered).
    .DESCRIPTION
    The current record drives what is still attached; disks, ISOs and checkpoints the VM had when the previous
    run saved its plan, and no longer has, become FormerDiskPaths, FormerIsoPaths and FormerCheckpointIds, so the
    plan still deletes them (each re-checked against other VMs). With no current VM the saved record stands, with
    Present = $false and nothing attached.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Saved,
        [AllowNull()] $Current = $null
    )
    $savedDisks = @(Get-VmDiskPathList -Record $Saved)
    $savedIsos = @($Saved.DvdDrives | Where-Object -FilterScript { $null -ne $_ -and -not [string]::IsNullOrEmpty($_.Path) } | ForEach-Object -Process { [string] $_.Path })
    $savedCheckpointIds = @($Saved.FormerCheckpointIds | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })
    foreach ($checkpoint in @($Saved.Checkpoints)) {
        if ($null -eq $checkpoint) { continue }
        $savedIsos += @($checkpoint.IsoPaths | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })
        $savedCheckpointIds += [string] $checkpoint.Id
    }
    $savedIsos += @($Saved.FormerIsoPaths | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })

    $base = $Current
    if ($null -eq $Current) {
        $base = [pscustomobject]@{
            Id = [string] $Saved.Id; Name = [string] $Saved.Name; State = [string] $Saved.State; Status = [string] $Saved.Status
            ComputerName = [string] $Saved.ComputerName; IsClustered = $false; Present = $false
            Path = [string] $Saved.Path; SnapshotPath = [string] $Saved.SnapshotPath; SmartPagingPath = [string] $Saved.SmartPagingPath
            HardDrives = @(); DvdDrives = @(); Checkpoints = @()
            FormerDiskPaths = @(); FormerIsoPaths = @(); FormerCheckpointIds = @()
        }
    }
    $currentDisks = @{}
    foreach ($disk in @(Get-VmDiskPathList -Record $base)) { $currentDisks[(Get-WindowsPathKey -Path $disk)] = $true }
    $currentIsos = @{}
    foreach ($drive in @($base.DvdDrives)) { if ($null -ne $drive -and -not [string]::IsNullOrEmpty($drive.Path)) { $currentIsos[(Get-WindowsPathKey -Path $drive.Path)] = $true } }
    $currentCheckpoints = @{}
    foreach ($checkpoint in @($base.Checkpoints)) {
        if ($null -eq $checkpoint) { continue }
        $currentCheckpoints[[string] $checkpoint.Id] = $true
        foreach ($iso in @($checkpoint.IsoPaths)) { if (-not [string]::IsNullOrEmpty($iso)) { $currentIsos[(Get-WindowsPathKey -Path $iso)] = $true } }
    }
    $formerDisks = @{}
    foreach ($disk in $savedDisks) {
        $key = Get-WindowsPathKey -Path $disk
        if (-not $currentDisks.ContainsKey($key) -and -not $formerDisks.ContainsKey($key)) { $formerDisks[$key] = $disk }
    }
    $formerIsos = @{}
    foreach ($iso in $savedIsos) {
        $key = Get-WindowsPathKey -Path $iso
        if (-not $currentIsos.ContainsKey($key) -and -not $formerIsos.ContainsKey($key)) { $formerIsos[$key] = $iso }
    }
    $formerCheckpoints = @($savedCheckpointIds | Where-Object -FilterScript { -not $currentCheckpoints.ContainsKey($_) } | Select-Object -Unique)
    $merged = $base.PSObject.Copy()
    $merged.FormerDiskPaths = @($formerDisks.Values | Sort-Object)
    $merged.FormerIsoPaths = @($formerIsos.Values | Sort-Object)
    $merged.FormerCheckpointIds = $formerCheckpoints
    return $merged
}
