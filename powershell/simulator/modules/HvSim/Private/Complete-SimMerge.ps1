function Complete-SimMerge {
    <#
    .SYNOPSIS
    Finishes every checkpoint merge whose time has come: the merged differencing disks are deleted for real,
    disks that had them as parent are re-parented, and VM and checkpoint drives point at the merge target.
    Returns $true when a merge finished.
    .DESCRIPTION
    Merges finish in time order; a merge still pending whose target was just merged away is re-pointed at
    that merge's target, so checkpoints removed one by one end on the base disk as a tree removal does.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Root,

        [Parameter(Mandatory)]
        [datetime] $Now
    )
    $due = @($State.merges | Where-Object -FilterScript { (ConvertTo-SimTime -Value $_.completesAt) -le $Now } |
            Sort-Object -Property { ConvertTo-SimTime -Value $_.completesAt })
    if ($due.Count -eq 0) {
        return $false
    }
    foreach ($merge in $due) {
        $retarget = @{}
        foreach ($key in $merge.retarget.Keys) {
            $retarget[(Format-SimPath -Path $key)] = Format-SimPath -Path $merge.retarget[$key]
        }
        $realFiles = @($merge.files | ForEach-Object -Process { ConvertTo-SimRealPath -Path $_ -Root $Root })
        # The merge lock is released here rather than by the lock table: the files must go now.
        Invoke-SimChattr -Root $Root -Mode Unlock -RealPath $realFiles
        foreach ($real in $realFiles) {
            if ([System.IO.File]::Exists($real)) {
                [System.IO.File]::Delete($real)
            }
        }
        foreach ($file in $merge.files) {
            $entry = Find-SimVhd -State $State -Path $file
            if ($entry) {
                $State.vhds.Remove($entry.Path)
            }
        }
        foreach ($key in @($State.vhds.Keys)) {
            $parent = $State.vhds[$key].parentPath
            if ($parent -and $retarget.ContainsKey((Format-SimPath -Path $parent))) {
                $State.vhds[$key].parentPath = $retarget[(Format-SimPath -Path $parent)]
            }
        }
        foreach ($vm in $State.vms) {
            $drives = @($vm.hardDrives) + @($vm.snapshots | ForEach-Object -Process { $_.hardDrives })
            foreach ($drive in $drives) {
                if ($drive -and $drive.path -and $retarget.ContainsKey((Format-SimPath -Path $drive.path))) {
                    $drive.path = $retarget[(Format-SimPath -Path $drive.path)]
                }
            }
        }
        foreach ($other in @($State.merges)) {
            if ([object]::ReferenceEquals($other, $merge)) {
                continue
            }
            foreach ($key in @($other.retarget.Keys)) {
                $target = Format-SimPath -Path $other.retarget[$key]
                if ($retarget.ContainsKey($target)) {
                    $other.retarget[$key] = $retarget[$target]
                }
            }
        }
    }
    $State.merges = @($State.merges | Where-Object -FilterScript { $due -notcontains $_ })
    $true
}
