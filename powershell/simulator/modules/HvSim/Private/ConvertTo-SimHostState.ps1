function ConvertTo-SimHostState {
    <#
    .SYNOPSIS
    Turns a scenario (a state file plus "files" and "directories") into a complete, normalised state: paths
    in Hyper-V form, defaults filled in, checkpoint drives as objects, cluster roles marking their VMs. Throws
    with a message naming the offending item when the scenario is inconsistent.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $Scenario
    )
    $now = [datetime]::UtcNow
    $hostInfo = $Scenario.host
    if (-not $hostInfo -or -not $hostInfo.computerName) {
        throw 'The scenario has no host.computerName.'
    }
    $hostInfo.drives = @(@($hostInfo.drives) | ForEach-Object -Process { ([string] $_).ToUpperInvariant() })
    if ($hostInfo.drives.Count -eq 0) {
        $hostInfo.drives = @('C')
    }
    $hostDefaults = @{
        virtualMachinePath    = 'C:\ProgramData\Microsoft\Windows\Hyper-V'
        virtualHardDiskPath   = 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks'
        logicalProcessorCount = 16
        memoryCapacityBytes   = 137438953472
        osCaption             = 'Microsoft Windows Server 2022 Datacenter (simulated)'
        osVersion             = '10.0.20348'
        fullyQualifiedDomainName = $null
    }
    foreach ($key in $hostDefaults.Keys) {
        if ($null -eq $hostInfo[$key]) {
            $hostInfo[$key] = $hostDefaults[$key]
        }
    }
    $hostInfo.virtualMachinePath = Format-SimPath -Path $hostInfo.virtualMachinePath
    $hostInfo.virtualHardDiskPath = Format-SimPath -Path $hostInfo.virtualHardDiskPath

    $vhds = [ordered]@{}
    if ($Scenario.vhds) {
        foreach ($key in $Scenario.vhds.Keys) {
            $record = $Scenario.vhds[$key]
            $path = Format-SimPath -Path $key
            $format = if ($path -match '\.vhd$') { 'VHD' } else { 'VHDX' }
            $vhds[$path] = [ordered]@{
                # A disk with a parent is a differencing disk, whatever the scenario says.
                vhdType       = $(if ($record.parentPath) { 'Differencing' } elseif ($record.vhdType) { $record.vhdType } else { 'Dynamic' })
                vhdFormat     = $(if ($record.vhdFormat) { $record.vhdFormat } else { $format })
                sizeBytes     = [int64] $(if ($record.sizeBytes) { $record.sizeBytes } else { 42949672960 })
                fileSizeBytes = $record.fileSizeBytes
                parentPath    = $(if ($record.parentPath) { Format-SimPath -Path $record.parentPath } else { $null })
            }
        }
    }
    foreach ($path in $vhds.Keys) {
        $parent = $vhds[$path].parentPath
        if ($parent -and -not ($vhds.Keys | Where-Object -FilterScript { $_ -ieq $parent })) {
            throw "The scenario's disk '$path' has parent '$parent', which is not in vhds."
        }
    }
    $files = @(@($Scenario.files) | Where-Object -FilterScript { $_ } | ForEach-Object -Process { Format-SimPath -Path $_.path })

    $vms = [System.Collections.Generic.List[object]]::new()
    $ids = [System.Collections.Generic.HashSet[guid]]::new()
    foreach ($source in @($Scenario.vms)) {
        if (-not $source.id -or -not $source.name) {
            throw 'Every scenario VM needs an id and a name.'
        }
        $id = ([guid] $source.id).ToString()
        if (-not $ids.Add([guid] $id)) {
            throw "The scenario has two VMs with id $id."
        }
        $vm = New-SimVMRecord -Source $source -Id $id -HostInfo $hostInfo -Now $now
        foreach ($drive in $vm.hardDrives) {
            if ($drive.path -and -not ($vhds.Keys | Where-Object -FilterScript { $_ -ieq $drive.path })) {
                throw "VM '$($vm.name)' uses disk '$($drive.path)', which is not in vhds."
            }
        }
        foreach ($drive in $vm.dvdDrives) {
            if ($drive.path -and -not ($files | Where-Object -FilterScript { $_ -ieq $drive.path })) {
                throw "VM '$($vm.name)' has ISO '$($drive.path)' in a DVD drive, but it is not in files."
            }
        }
        $vms.Add($vm)
    }

    $cluster = $Scenario.cluster
    if ($cluster) {
        $cluster.nodes = @(@($cluster.nodes) | ForEach-Object -Process { [ordered]@{ name = $_.name; state = $(if ($_.state) { $_.state } else { 'Up' }) } })
        $cluster.sharedVolumes = @(@($cluster.sharedVolumes) | ForEach-Object -Process {
                [ordered]@{ name = $_.name; friendlyVolumeName = (Format-SimPath -Path $_.friendlyVolumeName); ownerNode = $(if ($_.ownerNode) { $_.ownerNode } else { $hostInfo.computerName }) }
            })
        $groups = foreach ($group in @($cluster.groups)) {
            $vm = $null
            if ($group.vmId) {
                $vm = $vms | Where-Object -FilterScript { [guid] $_.id -eq [guid] $group.vmId } | Select-Object -First 1
                if (-not $vm) {
                    throw "Cluster group '$($group.name)' refers to VM $($group.vmId), which is not in vms."
                }
                $vm.isClustered = $true
            }
            $name = if ($group.name) { $group.name } else { $vm.name }
            $resources = @($group.resources | Where-Object -FilterScript { $_ })
            if ($resources.Count -eq 0 -and $vm) {
                $resources = @(
                    @{ name = "Virtual Machine $($vm.name)"; resourceType = 'Virtual Machine' },
                    @{ name = "Virtual Machine Configuration $($vm.name)"; resourceType = 'Virtual Machine Configuration' }
                )
            }
            [ordered]@{
                name      = $name
                id        = $(if ($group.id) { $group.id } else { [guid]::NewGuid().ToString() })
                vmId      = $(if ($vm) { $vm.id } else { $null })
                groupType = $(if ($group.groupType) { $group.groupType } elseif ($vm) { 'VirtualMachine' } else { 'Unknown' })
                ownerNode = $(if ($group.ownerNode) { $group.ownerNode } elseif ($vm) { $vm.computerName } else { $hostInfo.computerName })
                state     = $(if ($group.state) { $group.state } else { 'Offline' })
                resources = @($resources | ForEach-Object -Process { [ordered]@{ name = $_.name; resourceType = $_.resourceType; state = $(if ($_.state) { $_.state } else { 'Offline' }) } })
            }
        }
        $cluster.groups = @($groups)
    }

    $behaviour = @{ releaseDelayMs = 1500; mergeDelayMs = 3000; transitionDelayMs = 1000 }
    if ($Scenario.behaviour) {
        foreach ($key in $Scenario.behaviour.Keys) {
            $behaviour[$key] = $Scenario.behaviour[$key]
        }
    }
    [ordered]@{
        format    = 1
        host      = $hostInfo
        cluster   = $(if ($cluster) { $cluster } else { $null })
        vms       = $vms.ToArray()
        vhds      = $vhds
        merges    = @()
        locks     = @()
        faults    = @()
        immutable = @()
        behaviour = $behaviour
    }
}
