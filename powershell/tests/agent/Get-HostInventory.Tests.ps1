# Get-HostInventory.ps1 against the simulator: one result event with host facts and every VM, as plain data.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment
}

Describe 'Host inventory of a standalone host' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'delete-host'
        $script:before = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $script:run = Invoke-AgentJob -Script Inventory -Body ([ordered]@{ job_id = 'inv-1'; requested_by = 'tester'; control_plane = 'WS-TEST' })
        $script:inventory = $script:run.Result.inventory
        $script:byName = @{}
        foreach ($vm in $script:inventory.vms) { $script:byName[$vm.name] = $vm }
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'emits exactly one event, a succeeded result, and changes nothing' {
        $script:run.ExitCode | Should -Be 0
        @($script:run.Events).Count | Should -Be 1
        $script:run.Result.status | Should -BeExactly 'succeeded'
        $diff = Compare-SandboxSnapshot -Before $script:before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }

    It 'reports the host facts and default paths' {
        $script:inventory.host.computer_name | Should -BeExactly 'HV01'
        $script:inventory.host.powershell_edition | Should -BeExactly 'Core'
        $script:inventory.host.hyperv_module_present | Should -BeTrue
        $script:inventory.host.logical_processor_count | Should -Be 16
        $script:inventory.host.memory_capacity_bytes | Should -Be 137438953472
        $script:inventory.cluster_name | Should -BeNullOrEmpty
        $script:inventory.virtual_machine_path | Should -BeExactly 'C:\ProgramData\Microsoft\Windows\Hyper-V'
        $script:inventory.virtual_hard_disk_path | Should -BeExactly 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks'
    }

    It 'lists every VM once, with its state as a name' {
        @($script:inventory.vms).Count | Should -Be 9
        $script:byName['app01'].state | Should -BeExactly 'Running'
        $script:byName['paused01'].state | Should -BeExactly 'Paused'
        $script:byName['web01'].id | Should -BeExactly '10000000-0000-0000-0000-000000000001'
    }

    It 'gives resources and uptime as numbers' {
        $app = $script:byName['app01']
        $app.cpu_count | Should -Be 2
        $app.memory_startup_bytes | Should -Be 2147483648
        $app.uptime_seconds | Should -BeGreaterThan 0
        $app.generation | Should -Be 2
        $script:byName['web01'].uptime_seconds | Should -Be 0
    }

    It 'lists disks with their parent chains, and DVD drives' {
        $disk = $script:byName['web01'].disks | Where-Object { $_.path -like '*web01.vhdx' }
        $disk.vhd_type | Should -BeExactly 'Differencing'
        $disk.parent_chain | Should -Be @('C:\Templates\golden.vhdx')
        $disk.controller | Should -BeExactly 'SCSI 0:0'
        @($script:byName['db01'].disks[0].parent_chain) | Should -Be @('C:\VMs\db01\Virtual Hard Disks\db01_A.avhdx', 'C:\VMs\db01\Virtual Hard Disks\db01.vhdx')
        @($script:byName['web01'].dvd_drives | ForEach-Object { $_.path }) | Should -Be @('C:\VMs\web01\web01-cidata.iso', 'C:\ISO\win2022.iso')
    }

    It 'lists checkpoints with their parents' {
        $checkpoints = @($script:byName['db01'].checkpoints)
        $checkpoints.Count | Should -Be 2
        ($checkpoints | Where-Object { $_.name -eq 'after patch' }).parent_id | Should -BeExactly '20000000-0000-0000-0000-000000000001'
    }
}

Describe 'Host inventory of a cluster node' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'cluster-host'
        $script:run = Invoke-AgentJob -Script Inventory -Body ([ordered]@{ job_id = 'inv-2'; requested_by = 'tester'; control_plane = 'WS-TEST' })
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'reports the cluster name, the shared volume roots and only this node''s VMs' {
        $inventory = $script:run.Result.inventory
        $inventory.cluster_name | Should -BeExactly 'CL01'
        $inventory.csv_roots | Should -Be @('C:\ClusterStorage\Volume1', 'C:\ClusterStorage\Volume2')
        @($inventory.vms | ForEach-Object { $_.name }) | Should -Be @('clu01')
        $inventory.vms[0].is_clustered | Should -BeTrue
    }
}
