# Remove-VM: config files go, disks never; Off or Saved only; checkpoint disks merge after it returns; released
# files stay locked for a while.
BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:locksEnforced = Test-LocksEnforced
}
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:locksEnforced = Test-LocksEnforced
    $script:plainId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d61'
    $script:checkpointedId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d62'
    $script:runningId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d63'
    $script:plainDisk = 'C:\VMs\plain\Virtual Hard Disks\plain.vhdx'
    $script:base = 'C:\VMs\cp\Virtual Hard Disks\cp.vhdx'
    $script:avhdx = 'C:\VMs\cp\Virtual Hard Disks\cp_1.avhdx'
    $scenario = New-TestScenario -VM @(
        @{ id = $script:plainId; name = 'plain'; path = 'C:\VMs\plain'; state = 'Saved'; hardDrives = @($script:plainDisk); dvdDrives = @('C:\VMs\plain-seed.iso') },
        @{ id = $script:checkpointedId; name = 'cp'; path = 'C:\VMs\cp'; hardDrives = @($script:avhdx)
            snapshots = @(@{ id = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d64'; name = 'only'; hardDrives = @($script:base) }) },
        @{ id = $script:runningId; name = 'busy'; path = 'C:\VMs\busy'; state = 'Running' }
    ) -Vhd @{ $script:plainDisk = @{}; $script:base = @{}; $script:avhdx = @{ parentPath = $script:base } } -File @(@{ path = 'C:\VMs\plain-seed.iso'; sizeBytes = 100 }) -Behaviour @{ releaseDelayMs = 600; mergeDelayMs = 700; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'Remove-VM' {
    It 'refuses a running VM with InvalidState and keeps it' {
        Hyper-V\Remove-VM -VM (Hyper-V\Get-VM -Id $script:runningId) -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidState,Microsoft.HyperV.PowerShell.Commands.RemoveVM'
        Hyper-V\Get-VM -Id $script:runningId | Should -Not -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Hyper-V\Remove-VM -Name plain -Force -WhatIf
        Hyper-V\Get-VM -Id $script:plainId | Should -Not -BeNullOrEmpty
    }

    It 'needs -Force (or -Confirm:$false) in a non-interactive session, where the prompt fails' {
        $pwsh = Get-TestPwsh
        $command = "Import-Module Hyper-V; try { Hyper-V\Remove-VM -Name plain -ErrorAction Stop; 'removed' } catch { 'refused' }; @(Hyper-V\Get-VM -Name plain).Count"
        $output = & $pwsh -NoProfile -NonInteractive -Command $command
        $output | Should -Be @('refused', '1')
    }

    It 'deletes the configuration files of a Saved VM, never its disk, and returns it with -Passthru' {
        $vm = Hyper-V\Get-VM -Id $script:plainId
        $configs = @("C:\VMs\plain\Virtual Machines\$($script:plainId.ToUpperInvariant()).vmcx", "C:\VMs\plain\Virtual Machines\$($script:plainId.ToUpperInvariant()).vmrs")
        $configs | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeTrue }
        $removed = Hyper-V\Remove-VM -VM $vm -Force -Passthru
        $removed.Id | Should -Be ([guid] $script:plainId)
        Hyper-V\Get-VM -Id $script:plainId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $configs | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeFalse }
        Test-Path -LiteralPath $script:plainDisk | Should -BeTrue
        Test-Path -LiteralPath 'C:\VMs\plain-seed.iso' | Should -BeTrue
        Test-Path -LiteralPath 'C:\VMs\plain\Virtual Machines' -PathType Container | Should -BeTrue
    }

    It 'leaves the released disk and ISO locked for releaseDelayMs' -Skip:(-not $script:locksEnforced) {
        { Remove-Item -LiteralPath $script:plainDisk -ErrorAction Stop } | Should -Throw
        { Remove-Item -LiteralPath 'C:\VMs\plain-seed.iso' -ErrorAction Stop } | Should -Throw
        Start-Sleep -Milliseconds 800
        Remove-Item -LiteralPath $script:plainDisk -ErrorAction Stop
        Remove-Item -LiteralPath 'C:\VMs\plain-seed.iso' -ErrorAction Stop
        Test-Path -LiteralPath $script:plainDisk | Should -BeFalse
    }

    It 'merges the checkpoint disks after it returns, keeping them locked until then' {
        Hyper-V\Remove-VM -Name cp -Force
        $checkpointConfig = 'C:\VMs\cp\Snapshots\2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D64.vmcx'
        Test-Path -LiteralPath $checkpointConfig | Should -BeFalse
        Test-Path -LiteralPath $script:avhdx | Should -BeTrue
        $merges = @((Get-SimState).merges)
        $merges.Count | Should -Be 1
        $merges[0].files | Should -Be @($script:avhdx)
        if ($script:locksEnforced) {
            { Remove-Item -LiteralPath $script:avhdx -ErrorAction Stop } | Should -Throw
            { Remove-Item -LiteralPath $script:base -ErrorAction Stop } | Should -Throw
        }
        Start-Sleep -Milliseconds 900
        Wait-SimIdle -TimeoutSeconds 5
        Test-Path -LiteralPath $script:avhdx | Should -BeFalse
        Test-Path -LiteralPath $script:base | Should -BeTrue
        (Get-SimState).vhds.Contains($script:avhdx) | Should -BeFalse
        Remove-Item -LiteralPath $script:base -ErrorAction Stop
    }
}
