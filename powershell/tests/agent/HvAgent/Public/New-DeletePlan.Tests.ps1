# The delete plan as pure logic: VM records, chain maps and a file system view built in memory (no simulator).
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
    $script:id1 = '11111111-1111-1111-1111-111111111111'
}

Describe 'New-DeletePlan: a plain VM with a stray file' {
    BeforeAll {
        $target = New-TestVmRecord -Id $script:id1 -Name 'web01' -Disks @('C:\VMs\web01\Virtual Hard Disks\web01.vhdx') -Isos @('C:\VMs\web01\web01-cidata.iso')
        $other = New-TestVmRecord -Name 'web02' -Path 'C:\VMs\web02' -Disks @('C:\VMs\web02\web02.vhdx')
        $script:plan = Invoke-TestPlan -Target $target -Others @($other) -Chains (New-TestChainMap @{ 'C:\VMs\web01\Virtual Hard Disks\web01.vhdx' = $null; 'C:\VMs\web02\web02.vhdx' = $null }) -Files @(
            'C:\VMs\web01\Virtual Hard Disks\web01.vhdx', 'C:\VMs\web01\web01-cidata.iso', 'C:\VMs\web01\notes.txt',
            "C:\VMs\web01\Virtual Machines\$($script:id1.ToUpper()).vmcx", "C:\VMs\web01\Virtual Machines\$($script:id1.ToUpper()).vmrs",
            'C:\VMs\web02\web02.vhdx') -Folders @('C:\VMs', 'C:\VMs\web01', 'C:\VMs\web01\Virtual Hard Disks', 'C:\VMs\web01\Virtual Machines', 'C:\VMs\web02')
    }

    It 'deletes the disk, the attached ISO in its folder and the configuration files, each with its kind' {
        $kinds = @{}
        foreach ($file in $script:plan.files_to_delete) { $kinds[$file.path] = $file.kind }
        $kinds.Keys.Count | Should -Be 4
        $kinds['C:\VMs\web01\Virtual Hard Disks\web01.vhdx'] | Should -BeExactly 'disk'
        $kinds['C:\VMs\web01\web01-cidata.iso'] | Should -BeExactly 'iso'
        $kinds["C:\VMs\web01\Virtual Machines\$($script:id1.ToUpper()).vmcx"] | Should -BeExactly 'config'
        $script:plan.files_to_delete[0].size_bytes | Should -Be 100
    }

    It 'prunes the folders that end up empty, deepest first, and keeps the VM folder with the stray file' {
        $script:plan.folders_to_prune | Should -Be @('C:\VMs\web01\Virtual Hard Disks', 'C:\VMs\web01\Virtual Machines')
        $kept = @($script:plan.folders_to_keep | Where-Object { $_.path -eq 'C:\VMs\web01' })
        $kept.Count | Should -Be 1
        $kept[0].reason | Should -BeExactly 'not_empty'
        $kept[0].holds | Should -Be @('notes.txt')
    }

    It 'never lists the parent folder that holds another VM, nor that VM''s files' {
        $script:plan.folders_to_prune | Should -Not -Contain 'C:\VMs'
        Get-PlanPaths $script:plan.files_to_delete | Should -Not -Contain 'C:\VMs\web02\web02.vhdx'
        $script:plan.own_folders | Should -Be @('C:\VMs\web01', 'C:\VMs\web01\Virtual Hard Disks')
    }

    It 'lists the drives to detach and needs no power action for an Off VM' {
        @($script:plan.drives_to_detach | ForEach-Object { $_.kind }) | Should -Be @('disk', 'dvd')
        $script:plan.power_action | Should -BeExactly 'none'
        $script:plan.requires_force | Should -BeFalse
    }
}

Describe 'New-DeletePlan: differencing disks (S3, S4)' {
    It 'keeps a parent another VM''s chain uses (shared) and a parent only this VM uses (a template)' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'app01' -Path 'C:\VMs\app01' -Disks @('C:\VMs\app01\app01.vhdx', 'C:\VMs\app01\data.vhdx')
        $other = New-TestVmRecord -Name 'app02' -Path 'C:\VMs\app02' -Disks @('C:\VMs\app02\app02.vhdx')
        $chains = New-TestChainMap @{
            'C:\VMs\app01\app01.vhdx' = 'C:\Base\shared.vhdx'; 'C:\VMs\app02\app02.vhdx' = 'C:\Base\shared.vhdx'; 'C:\Base\shared.vhdx' = $null
            'C:\VMs\app01\data.vhdx' = 'C:\Templates\data-golden.vhdx'; 'C:\Templates\data-golden.vhdx' = $null
        }
        $plan = Invoke-TestPlan -Target $target -Others @($other) -Chains $chains -Files @('C:\VMs\app01\app01.vhdx', 'C:\VMs\app01\data.vhdx', 'C:\Base\shared.vhdx', 'C:\Templates\data-golden.vhdx', 'C:\VMs\app02\app02.vhdx') -Folders @('C:\VMs\app01')
        Get-PlanPaths $plan.files_to_delete | Should -Be @('C:\VMs\app01\app01.vhdx', 'C:\VMs\app01\data.vhdx')
        $keep = @{}
        foreach ($file in $plan.files_to_keep) { $keep[$file.path] = $file.reason }
        $keep['C:\Base\shared.vhdx'] | Should -BeExactly 'shared'
        $keep['C:\Templates\data-golden.vhdx'] | Should -BeExactly 'parent'
        $plan.own_folders | Should -Be @('C:\VMs\app01')
    }

    It 'keeps a disk attached to this VM when another VM also uses it' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'a' -Path 'C:\VMs\a' -Disks @('C:\Shared\quorum.vhdx', 'C:\VMs\a\a.vhdx')
        $other = New-TestVmRecord -Name 'b' -Path 'C:\VMs\b' -Disks @('C:\Shared\quorum.vhdx')
        $plan = Invoke-TestPlan -Target $target -Others @($other) -Chains (New-TestChainMap @{ 'C:\Shared\quorum.vhdx' = $null; 'C:\VMs\a\a.vhdx' = $null }) -Files @('C:\Shared\quorum.vhdx', 'C:\VMs\a\a.vhdx') -Folders @('C:\VMs\a', 'C:\Shared')
        Get-PlanPaths $plan.files_to_delete | Should -Be @('C:\VMs\a\a.vhdx')
        ($plan.files_to_keep | Where-Object { $_.path -eq 'C:\Shared\quorum.vhdx' }).detail | Should -Match "VM 'b'"
        $plan.own_folders | Should -Not -Contain 'C:\Shared'
    }

    It 'deletes a checkpoint chain and the links between its disks, keeps the template beyond, and waits on the .avhdx' {
        $dir = 'C:\VMs\db01\Virtual Hard Disks'
        $cp1 = '22222222-0000-0000-0000-000000000001'
        $cp2 = '22222222-0000-0000-0000-000000000002'
        $target = New-TestVmRecord -Id $script:id1 -Name 'db01' -Path 'C:\VMs\db01' -Disks @("$dir\db01_B.avhdx") -Checkpoints @(
            @{ Id = $cp1; Name = 'one'; ParentId = $null; DiskPaths = @("$dir\db01.vhdx") }
            @{ Id = $cp2; Name = 'two'; ParentId = $cp1; DiskPaths = @("$dir\db01_A.avhdx") })
        $chains = New-TestChainMap @{ "$dir\db01_B.avhdx" = "$dir\db01_A.avhdx"; "$dir\db01_A.avhdx" = "$dir\db01.vhdx"; "$dir\db01.vhdx" = 'C:\Templates\w2022.vhdx'; 'C:\Templates\w2022.vhdx' = $null }
        $plan = Invoke-TestPlan -Target $target -Chains $chains -Files @("$dir\db01_B.avhdx", "$dir\db01_A.avhdx", "$dir\db01.vhdx", 'C:\Templates\w2022.vhdx', "C:\VMs\db01\Snapshots\$cp1.vmcx", "C:\VMs\db01\Snapshots\$cp2.vmcx") -Folders @('C:\VMs\db01', $dir, 'C:\VMs\db01\Snapshots')
        $kinds = @{}
        foreach ($file in $plan.files_to_delete) { $kinds[$file.path] = $file.kind }
        $kinds["$dir\db01_B.avhdx"] | Should -BeExactly 'checkpoint_disk'
        $kinds["$dir\db01_A.avhdx"] | Should -BeExactly 'checkpoint_disk'
        $kinds["$dir\db01.vhdx"] | Should -BeExactly 'disk'
        $kinds["C:\VMs\db01\Snapshots\$cp2.vmcx"] | Should -BeExactly 'config'
        ($plan.files_to_keep | Where-Object { $_.path -eq 'C:\Templates\w2022.vhdx' }).reason | Should -BeExactly 'parent'
        $plan.merge_files | Sort-Object | Should -Be @("$dir\db01_A.avhdx", "$dir\db01_B.avhdx")
        @($plan.checkpoints).Count | Should -Be 2
        $plan.folders_to_prune | Should -Contain 'C:\VMs\db01'
    }

    It 'only detaches a pass-through disk' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'sql' -Path 'C:\VMs\sql' -PassThroughDisk @(3)
        $plan = Invoke-TestPlan -Target $target -Folders @('C:\VMs\sql')
        $plan.drives_to_detach[0].kind | Should -BeExactly 'passthrough'
        $plan.drives_to_detach[0].disk_number | Should -Be 3
        @($plan.files_to_delete).Count | Should -Be 0
    }

    It 'refuses to plan when another VM''s disk exists but its chain cannot be read' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'a' -Path 'C:\VMs\a'
        $other = New-TestVmRecord -Name 'b' -Path 'C:\VMs\b' -Disks @('C:\VMs\b\b.vhdx')
        $chains = @{ 'C:\VMS\B\B.VHDX' = [pscustomobject]@{ Path = 'C:\VMs\b\b.vhdx'; ParentPath = $null; Exists = $true; Readable = $false; Error = 'access denied' } }
        { Invoke-TestPlan -Target $target -Others @($other) -Chains $chains } | Should -Throw -ExpectedMessage "*C:\VMs\b\b.vhdx*VM 'b'*"
    }
}

Describe 'New-DeletePlan: ISOs and the provisioning sweep (S4)' {
    BeforeAll {
        $target = New-TestVmRecord -Id $script:id1 -Name 'web01' -Path 'C:\VMs\web01' -Isos @('C:\ISO\win2022.iso', 'C:\ISO\tools.iso', 'C:\VMs\web01\setup.iso', 'C:\VMs\web01\old-attached.iso')
        $other = New-TestVmRecord -Name 'web01-02' -Path 'C:\VMs\web01-02' -Isos @('C:\ISO\win2022.iso')
        $script:plan = Invoke-TestPlan -Target $target -Others @($other) -Files @(
            'C:\ISO\win2022.iso', 'C:\ISO\tools.iso', 'C:\VMs\web01\setup.iso', 'C:\VMs\web01\cidata.iso', 'C:\VMs\web01\ubuntu.iso',
            'C:\VMs\web01.iso', 'C:\VMs\WEB01-seed.iso', 'C:\VMs\web01-02.iso', 'C:\VMs\web01-02-cidata.iso', 'C:\VMs\web02.iso', 'C:\VMs\cidata.iso', 'C:\VMs\web01.txt'
        ) -Folders @('C:\VMs', 'C:\VMs\web01', 'C:\VMs\web01-02', 'C:\ISO')
    }

    It 'deletes an attached ISO in the VM''s folder that no other VM uses' {
        ($script:plan.files_to_delete | Where-Object { $_.path -eq 'C:\VMs\web01\setup.iso' }).kind | Should -BeExactly 'iso'
    }

    It 'keeps a library ISO another VM uses, and one outside the VM''s folders that no other VM uses' {
        ($script:plan.files_to_keep | Where-Object { $_.path -eq 'C:\ISO\win2022.iso' }).reason | Should -BeExactly 'shared'
        ($script:plan.files_to_keep | Where-Object { $_.path -eq 'C:\ISO\tools.iso' }).reason | Should -BeExactly 'outside_vm_folders'
    }

    It 'skips an attached ISO whose file is already gone' {
        (Get-PlanPaths $script:plan.files_to_delete) + (Get-PlanPaths $script:plan.files_to_keep) | Should -Not -Contain 'C:\VMs\web01\old-attached.iso'
    }

    It 'sweeps ISOs named for the VM in the parent folder, and common provisioning names in its own folder only' {
        $swept = Get-PlanPaths @($script:plan.files_to_delete | Where-Object { $_.kind -eq 'provisioning_iso' })
        $swept | Should -Be (@('C:\VMs\web01.iso', 'C:\VMs\web01\cidata.iso', 'C:\VMs\WEB01-seed.iso') | Sort-Object)
    }

    It 'keeps an ISO that also carries another VM''s longer name, and ignores other names and unattached ISOs' {
        ($script:plan.files_to_keep | Where-Object { $_.path -eq 'C:\VMs\web01-02.iso' }).reason | Should -BeExactly 'named_for_other_vm'
        ($script:plan.files_to_keep | Where-Object { $_.path -eq 'C:\VMs\web01-02-cidata.iso' }).reason | Should -BeExactly 'named_for_other_vm'
        $all = (Get-PlanPaths $script:plan.files_to_delete) + (Get-PlanPaths $script:plan.files_to_keep)
        $all | Should -Not -Contain 'C:\VMs\web02.iso'
        $all | Should -Not -Contain 'C:\VMs\cidata.iso'
        $all | Should -Not -Contain 'C:\VMs\web01\ubuntu.iso'
        $all | Should -Not -Contain 'C:\VMs\web01.txt'
    }

    It 'keeps the own folder that still holds an unknown ISO, and reports it' {
        ($script:plan.folders_to_keep | Where-Object { $_.path -eq 'C:\VMs\web01' }).holds | Should -Be @('ubuntu.iso')
    }

    It 'sweeps an attached ISO named for the VM in the parent folder as a provisioning ISO' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'app' -Path 'C:\VMs\app' -Isos @('C:\VMs\app-boot.iso', 'C:\VMs\other-boot.iso')
        $plan = Invoke-TestPlan -Target $target -Files @('C:\VMs\app-boot.iso', 'C:\VMs\other-boot.iso') -Folders @('C:\VMs', 'C:\VMs\app')
        ($plan.files_to_delete | Where-Object { $_.path -eq 'C:\VMs\app-boot.iso' }).kind | Should -BeExactly 'provisioning_iso'
        ($plan.files_to_keep | Where-Object { $_.path -eq 'C:\VMs\other-boot.iso' }).reason | Should -BeExactly 'outside_vm_folders'
    }

    It 'gives up a folder where another VM''s ISO lies: it is not the VM''s own, so the ISO and the folder stay' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'a' -Path 'C:\VMs\a' -Isos @('C:\VMs\a\tools.iso')
        $other = New-TestVmRecord -Name 'b' -Path 'C:\VMs\b' -Isos @('C:\VMs\a\tools.iso')
        $plan = Invoke-TestPlan -Target $target -Others @($other) -Files @('C:\VMs\a\tools.iso', 'C:\VMs\a\a.iso') -Folders @('C:\VMs\a')
        ($plan.files_to_keep | Where-Object { $_.path -eq 'C:\VMs\a\tools.iso' }).reason | Should -BeExactly 'shared'
        ($plan.folders_to_keep | Where-Object { $_.path -eq 'C:\VMs\a' }).reason | Should -BeExactly 'other_vm'
        @($plan.files_to_delete).Count | Should -Be 0
    }
}

Describe 'New-DeletePlan: names are data' {
    It 'treats wildcard characters in a VM name literally' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'w*[1]' -Path 'C:\VMs\w*[1]'
        $plan = Invoke-TestPlan -Target $target -Files @('C:\VMs\w*[1].iso', 'C:\VMs\wx1.iso', 'C:\VMs\w*1.iso') -Folders @('C:\VMs', 'C:\VMs\w*[1]')
        Get-PlanPaths $plan.files_to_delete | Should -Be @('C:\VMs\w*[1].iso')
    }
}

Describe 'New-DeletePlan: protected roots (S5)' {
    It 'never prunes the default VM path, the default disk path or their shared subfolders, but still deletes the VM''s files there' {
        $facts = New-TestHostFacts
        $vmPath = $facts.VirtualMachinePath
        $target = New-TestVmRecord -Id $script:id1 -Name 'def' -Path $vmPath -Disks @("$($facts.VirtualHardDiskPath)\def.vhdx")
        $plan = Invoke-TestPlan -Target $target -HostFacts $facts -Files @("$($facts.VirtualHardDiskPath)\def.vhdx", "$vmPath\Virtual Machines\$script:id1.vmcx") -Folders @($vmPath, "$vmPath\Virtual Machines", $facts.VirtualHardDiskPath)
        Get-PlanPaths $plan.files_to_delete | Should -Be @("$vmPath\Virtual Machines\$script:id1.vmcx", "$($facts.VirtualHardDiskPath)\def.vhdx")
        @($plan.folders_to_prune).Count | Should -Be 0
        @($plan.own_folders).Count | Should -Be 0
        @($plan.folders_to_keep | Where-Object { $_.reason -eq 'protected_root' }).Count | Should -Be 2
    }

    It 'prunes a VM folder on a cluster shared volume but never the volume root, even when it ends up empty' {
        $facts = New-TestHostFacts -CsvRoots @('C:\ClusterStorage\Volume1')
        $target = New-TestVmRecord -Id $script:id1 -Name 'csv01' -Path 'C:\ClusterStorage\Volume1\csv01' -Disks @('C:\ClusterStorage\Volume1\csv01\csv01.vhdx')
        $plan = Invoke-TestPlan -Target $target -HostFacts $facts -Files @('C:\ClusterStorage\Volume1\csv01\csv01.vhdx') -Folders @('C:\ClusterStorage\Volume1', 'C:\ClusterStorage\Volume1\csv01')
        $plan.folders_to_prune | Should -Be @('C:\ClusterStorage\Volume1\csv01')
        $plan.protected_roots | Should -Contain 'C:\ClusterStorage\Volume1'
    }

    It 'prunes an empty parent folder, but never a drive root' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'p' -Path 'D:\Hyper-V\p' -Disks @('D:\Hyper-V\p\p.vhdx')
        $plan = Invoke-TestPlan -Target $target -Files @('D:\Hyper-V\p\p.vhdx') -Folders @('D:\', 'D:\Hyper-V', 'D:\Hyper-V\p')
        $plan.folders_to_prune | Should -Be @('D:\Hyper-V\p', 'D:\Hyper-V')
        $target2 = New-TestVmRecord -Id $script:id1 -Name 'q' -Path 'D:\q' -Disks @('D:\q\q.vhdx')
        $plan2 = Invoke-TestPlan -Target $target2 -Files @('D:\q\q.vhdx') -Folders @('D:\', 'D:\q')
        $plan2.folders_to_prune | Should -Be @('D:\q')
    }

    It 'does not claim a folder that holds another VM''s folder, even an empty one' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'a' -Path 'C:\VMs\a' -Disks @('C:\VMs\a\a.vhdx')
        $other = New-TestVmRecord -Name 'b' -Path 'C:\VMs\b' -SmartPagingPath 'C:\VMs\a\paging'
        $plan = Invoke-TestPlan -Target $target -Others @($other) -Files @('C:\VMs\a\a.vhdx') -Folders @('C:\VMs\a', 'C:\VMs\a\paging')
        @($plan.own_folders).Count | Should -Be 0
        ($plan.folders_to_keep | Where-Object { $_.path -eq 'C:\VMs\a' }).reason | Should -BeExactly 'other_vm'
        @($plan.folders_to_prune).Count | Should -Be 0
        Get-PlanPaths $plan.files_to_delete | Should -Be @('C:\VMs\a\a.vhdx')
    }

    It 'treats a folder whose content was not read as not empty' {
        $target = New-TestVmRecord -Id $script:id1 -Name 'a' -Path 'C:\VMs\a'
        $index = New-VmReferenceIndex -Vms @() -Chains @{}
        $scope = Get-DeletePlanScope -Target $target -Chains @{} -Index $index -ProtectedRoots @()
        $view = New-FileSystemView -Entries @([pscustomobject]@{ Path = 'C:\VMs\a'; IsDirectory = $true }) -ListedFolders @()
        $plan = New-DeletePlan -Target $target -Scope $scope -Index $index -FileSystem $view -ProtectedRoots @()
        @($plan.folders_to_prune).Count | Should -Be 0
        ($plan.folders_to_keep | Where-Object { $_.path -eq 'C:\VMs\a' }).holds | Should -Be @('(content not read)')
    }
}

Describe 'New-DeletePlan: power' {
    It 'plans a turn-off that needs force for <State>' -TestCases @(
        @{ State = 'Running' }, @{ State = 'Paused' }, @{ State = 'Saved' }, @{ State = 'RunningCritical' }, @{ State = 'Starting' }
    ) {
        $plan = Invoke-TestPlan -Target (New-TestVmRecord -Id $script:id1 -State $State)
        $plan.power_action | Should -BeExactly 'turn_off'
        $plan.requires_force | Should -BeTrue
        $plan.vm.state | Should -BeExactly $State
    }

    It 'needs nothing for OffCritical or an unregistered VM' {
        (Invoke-TestPlan -Target (New-TestVmRecord -Id $script:id1 -State 'OffCritical')).power_action | Should -BeExactly 'none'
        $gone = Invoke-TestPlan -Target (New-TestVmRecord -Id $script:id1 -State 'Running' -Present $false)
        $gone.power_action | Should -BeExactly 'none'
        $gone.vm.state | Should -BeExactly 'Absent'
    }
}
