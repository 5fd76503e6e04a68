function New-SimHostFile {
    <#
    .SYNOPSIS
    Creates, for real, every file and folder a host state implies: drive folders, the host's default VM and
    disk folders, each VM's folders and configuration files (and its checkpoints'), every virtual disk (sparse,
    at its file size), and the scenario's extra files and folders. -MaxFileSizeBytes caps every file's length
    (tests that hash whole sandboxes want small files).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Root,

        [AllowEmptyCollection()]
        [object[]] $File = @(),

        [AllowEmptyCollection()]
        [object[]] $Directory = @(),

        [int64] $MaxFileSizeBytes = -1
    )
    $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($Root, '.hvsim'))
    foreach ($letter in $State.host.drives) {
        $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($Root, $letter))
    }
    $folders = @($State.host.virtualMachinePath, $State.host.virtualHardDiskPath) + @($Directory)
    if ($State.cluster) {
        $folders += @($State.cluster.sharedVolumes | ForEach-Object -Process { $_.friendlyVolumeName })
    }
    foreach ($vm in $State.vms) {
        $folders += @($vm.path, $vm.snapshotFileLocation, $vm.smartPagingFilePath)
    }
    foreach ($folder in $folders | Where-Object -FilterScript { $_ }) {
        $null = [System.IO.Directory]::CreateDirectory((ConvertTo-SimRealPath -Path $folder -Root $Root))
    }

    foreach ($vm in $State.vms) {
        $configs = @(Get-SimConfigFile -VM $vm)
        foreach ($checkpoint in $vm.snapshots) {
            $configs += @(Get-SimConfigFile -VM $vm -Snapshot $checkpoint)
        }
        foreach ($config in $configs) {
            Write-SimSparseFile -RealPath (ConvertTo-SimRealPath -Path $config -Root $Root) -Content "HvSim configuration of virtual machine '$($vm.name)' ($($vm.id))"
        }
    }
    foreach ($path in $State.vhds.Keys) {
        $disk = $State.vhds[$path]
        $length = $disk.fileSizeBytes
        if ($null -eq $length) {
            $length = if ($disk.vhdType -eq 'Fixed') { [int64] $disk.sizeBytes } else { [math]::Min([int64] 4194304, [int64] $disk.sizeBytes) }
        }
        if ($MaxFileSizeBytes -ge 0) {
            $length = [math]::Min([int64] $length, $MaxFileSizeBytes)
        }
        $signature = if ($disk.vhdFormat -eq 'VHD') { 'conectix' } else { 'vhdxfile' }
        Write-SimSparseFile -RealPath (ConvertTo-SimRealPath -Path $path -Root $Root) -Content $signature -Length ([int64] $length)
    }
    foreach ($item in $File) {
        $content = if ($null -ne $item.content) { [string] $item.content } else { '' }
        $length = if ($null -ne $item.sizeBytes) { [int64] $item.sizeBytes } else { -1 }
        if ($MaxFileSizeBytes -ge 0 -and $length -gt $MaxFileSizeBytes) {
            $length = $MaxFileSizeBytes
        }
        Write-SimSparseFile -RealPath (ConvertTo-SimRealPath -Path $item.path -Root $Root) -Content $content -Length $length
    }
}
