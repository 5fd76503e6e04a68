BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
    $script:id = '33333333-3333-3333-3333-333333333333'
}

Describe 'Merge-VmRecord' {
    It 'keeps what a failed run already detached as former disks, ISOs and checkpoints' {
        $saved = New-TestVmRecord -Id $script:id -Name 'web01' -Disks @('C:\VMs\web01\a.vhdx', 'C:\VMs\web01\b.vhdx') -Isos @('C:\VMs\web01\s.iso') -Checkpoints @(
            @{ Id = 'cp-1'; Name = 'one'; ParentId = $null; DiskPaths = @('C:\VMs\web01\base.vhdx'); IsoPaths = @('C:\VMs\web01\old.iso') })
        $current = New-TestVmRecord -Id $script:id -Name 'web01' -Disks @('C:\VMs\web01\b.vhdx')
        $merged = Merge-VmRecord -Saved $saved -Current $current
        $merged.Present | Should -BeTrue
        @($merged.HardDrives).Count | Should -Be 1
        $merged.FormerDiskPaths | Should -Be @('C:\VMs\web01\a.vhdx', 'C:\VMs\web01\base.vhdx')
        $merged.FormerIsoPaths | Should -Be @('C:\VMs\web01\old.iso', 'C:\VMs\web01\s.iso')
        $merged.FormerCheckpointIds | Should -Be @('cp-1')
        $current.FormerDiskPaths.Count | Should -Be 0
    }

    It 'stands on the saved record, marked absent with nothing attached, when the VM is gone' {
        $saved = New-TestVmRecord -Id $script:id -Name 'web01' -State 'Running' -Disks @('C:\VMs\web01\a.vhdx')
        $merged = Merge-VmRecord -Saved $saved -Current $null
        $merged.Present | Should -BeFalse
        $merged.Name | Should -BeExactly 'web01'
        $merged.Path | Should -BeExactly 'C:\VMs\web01'
        @($merged.HardDrives).Count | Should -Be 0
        $merged.FormerDiskPaths | Should -Be @('C:\VMs\web01\a.vhdx')
    }

    It 'survives a round trip through the saved JSON' {
        $saved = New-TestVmRecord -Id $script:id -Name 'web01' -Disks @('C:\VMs\web01\a.vhdx') -Checkpoints @(@{ Id = 'cp-1'; Name = 'one'; ParentId = $null; DiskPaths = @('C:\VMs\web01\base.vhdx') })
        $roundTrip = ($saved | ConvertTo-Json -Depth 20 -Compress | ConvertFrom-Json)
        $merged = Merge-VmRecord -Saved $roundTrip -Current $null
        $merged.FormerDiskPaths | Should -Be @('C:\VMs\web01\a.vhdx', 'C:\VMs\web01\base.vhdx')
    }
}
