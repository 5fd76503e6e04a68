function ConvertTo-InventoryVm {
    <#
    .SYNOPSIS
    One VM of the inventory: identity, state (by name), resources, uptime, disks with their parent chains, DVD
    drives and checkpoints, as plain data.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $Vm
    )
    $record = ConvertTo-VmRecord -Vm $Vm
    $chains = @{}
    $disks = @()
    foreach ($drive in @($record.HardDrives)) {
        $disk = [ordered]@{
            path = $drive.Path; controller = ($drive.ControllerType + ' ' + $drive.ControllerNumber + ':' + $drive.ControllerLocation)
            disk_number = $drive.DiskNumber; vhd_type = $null; size_bytes = $null; file_size_bytes = $null; parent_chain = @()
        }
        if (-not [string]::IsNullOrEmpty($drive.Path)) {
            Add-VhdChain -Map $chains -Path $drive.Path
            $info = $chains[(Get-WindowsPathKey -Path $drive.Path)]
            if ($info.Readable) {
                $disk.vhd_type = $info.VhdType
                $disk.size_bytes = $info.Size
                $disk.file_size_bytes = $info.FileSize
            }
            $disk.parent_chain = @(Get-VhdChainPaths -Map $chains -Path $drive.Path | Select-Object -Skip 1)
        }
        $disks += $disk
    }
    $dvds = @($record.DvdDrives | ForEach-Object -Process {
            [ordered]@{ controller = ($_.ControllerType + ' ' + $_.ControllerNumber + ':' + $_.ControllerLocation); path = $_.Path }
        })
    $checkpoints = @($record.Checkpoints | ForEach-Object -Process {
            [ordered]@{ id = $_.Id; name = $_.Name; parent_id = $_.ParentId; created = $_.Created }
        })
    $uptime = [long] 0
    if ($null -ne $Vm.Uptime) { $uptime = [long] ([timespan] $Vm.Uptime).TotalSeconds }
    return [ordered]@{
        id                    = $record.Id
        name                  = $record.Name
        state                 = $record.State
        status                = $record.Status
        is_clustered          = $record.IsClustered
        computer_name         = $record.ComputerName
        generation            = $Vm.Generation
        cpu_count             = $Vm.ProcessorCount
        cpu_usage_percent     = $Vm.CPUUsage
        memory_startup_bytes  = $Vm.MemoryStartup
        memory_assigned_bytes = $Vm.MemoryAssigned
        uptime_seconds        = $uptime
        path                  = $record.Path
        disks                 = $disks
        dvd_drives            = $dvds
        checkpoints           = $checkpoints
    }
}
