function Read-HostInventory {
    <#
    .SYNOPSIS
    The inventory document of this host: host facts, cluster name, default paths, CSV roots and every VM.
    Read-only; plain strings and numbers only (states by name), so ConvertTo-Json gives the same on 5.1 and 7.
    #>
    [CmdletBinding()]
    param()
    Import-HyperVModule
    $facts = Get-HostFacts
    if ($null -ne $facts.ClusterError) {
        # A standalone host with the clustering tools installed answers this way on every refresh: a log line only.
        Write-AgentLog -Message ('no cluster answered (' + $facts.ClusterError + '); reporting the host as standalone')
    }
    $osCaption = $null
    $osVersion = [string] [System.Environment]::OSVersion.Version
    if ($null -ne (Get-Command -Name 'Get-CimInstance' -ErrorAction SilentlyContinue)) {
        try {
            $os = Get-CimInstance -ClassName 'Win32_OperatingSystem' -ErrorAction Stop
            $osCaption = [string] $os.Caption
            $osVersion = [string] $os.Version
        } catch {
            Write-AgentLog -Message ('operating system details unavailable: ' + $_.Exception.Message)
        }
    }
    $hyperV = @(Get-Module -Name 'Hyper-V') | Select-Object -First 1
    $hostInfo = [ordered]@{
        computer_name           = $facts.ComputerName
        os_caption              = $osCaption
        os_version              = $osVersion
        powershell_edition      = [string] $PSVersionTable.PSEdition
        powershell_version      = [string] $PSVersionTable.PSVersion
        hyperv_module_present   = ($null -ne $hyperV)
        hyperv_module_version   = $null
        logical_processor_count = $facts.LogicalProcessorCount
        memory_capacity_bytes   = $facts.MemoryCapacityBytes
    }
    if ($null -ne $hyperV) { $hostInfo.hyperv_module_version = [string] $hyperV.Version }
    if ([string]::IsNullOrEmpty($hostInfo.powershell_edition)) { $hostInfo.powershell_edition = 'Desktop' }
    $vms = @()
    foreach ($vm in @(Hyper-V\Get-VM -ErrorAction Stop)) {
        try {
            $vms += ConvertTo-InventoryVm -Vm $vm
        } catch {
            Write-AgentWarning -Message ("skipped VM '" + $vm.Name + "': " + $_.Exception.Message)
        }
    }
    return [ordered]@{
        host                   = $hostInfo
        cluster_name           = $facts.ClusterName
        virtual_machine_path   = $facts.VirtualMachinePath
        virtual_hard_disk_path = $facts.VirtualHardDiskPath
        csv_roots              = @($facts.CsvRoots)
        vms                    = $vms
    }
}
