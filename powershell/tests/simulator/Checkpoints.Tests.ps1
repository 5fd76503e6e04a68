# Remove-VMSnapshot merges asynchronously ("Merging disks", locked .avhdx, then gone and drives on the parent);
# Remove-VMHardDiskDrive edits only the current configuration.
BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:locksEnforced = Test-LocksEnforced
}
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')

    function New-ChainHost {
        # One VM with a chain base <- a <- b <- c (current) and checkpoints cp1 (base), cp2 (a), cp3 (b).
        $folder = 'C:\VMs\chain\Virtual Hard Disks'
        $script:chain = @("$folder\chain.vhdx", "$folder\chain_A.avhdx", "$folder\chain_B.avhdx", "$folder\chain_C.avhdx")
        $scenario = New-TestScenario -VM @(
            @{ id = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e71'; name = 'chain'; path = 'C:\VMs\chain'; hardDrives = @($script:chain[3])
                snapshots = @(
                    @{ id = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e01'; name = 'cp1'; createdAt = '2025-01-01T00:00:00Z'; hardDrives = @($script:chain[0]) },
                    @{ id = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e02'; name = 'cp2'; parentSnapshotId = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e01'; createdAt = '2025-01-02T00:00:00Z'; hardDrives = @($script:chain[1]) },
                    @{ id = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e03'; name = 'cp3'; parentSnapshotId = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e02'; createdAt = '2025-01-03T00:00:00Z'; hardDrives = @($script:chain[2]) }) }
        ) -Vhd @{
            $script:chain[0] = @{}; $script:chain[1] = @{ parentPath = $script:chain[0] }
            $script:chain[2] = @{ parentPath = $script:chain[1] }; $script:chain[3] = @{ parentPath = $script:chain[2] }
        } -Behaviour @{ releaseDelayMs = 300; mergeDelayMs = 600; transitionDelayMs = 0 }
        New-TestHost -Scenario $scenario
    }
    function Get-CurrentChain {
        $chain = @()
        $path = (Hyper-V\Get-VMHardDiskDrive -VMName chain).Path
        while ($path) {
            $chain += $path
            $path = (Hyper-V\Get-VHD -Path $path).ParentPath
        }
        $chain
    }
}

Describe 'removing the whole checkpoint tree' {
    BeforeAll {
        $script:sandbox = New-ChainHost
    }
    AfterAll {
        Remove-TestHost -Path $script:sandbox
    }

    It 'returns at once while the VM reads "Merging disks" and the .avhdx files stay' {
        Hyper-V\Get-VMSnapshot -VMName chain -Name cp1 | Hyper-V\Remove-VMSnapshot -IncludeAllChildSnapshots
        @(Hyper-V\Get-VMSnapshot -VMName chain) | Should -BeNullOrEmpty
        (Hyper-V\Get-VM -Name chain).Status | Should -Be 'Merging disks'
        $script:chain | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeTrue }
        (Hyper-V\Get-VMHardDiskDrive -VMName chain).Path | Should -Be $script:chain[3]
        Test-Path -LiteralPath 'C:\VMs\chain\Snapshots\3C4D5E6F-7A8B-4C9D-8E0F-2A3B4C5D6E02.vmcx' | Should -BeFalse
    }

    It 'keeps the merging files locked' -Skip:(-not $script:locksEnforced) {
        { Remove-Item -LiteralPath $script:chain[2] -ErrorAction Stop } | Should -Throw
        { Remove-Item -LiteralPath $script:chain[0] -ErrorAction Stop } | Should -Throw
    }

    It 'ends with the .avhdx files gone and the drive on the base disk' {
        Start-Sleep -Milliseconds 700
        (Hyper-V\Get-VM -Name chain).Status | Should -Be 'Operating normally'
        $script:chain[1..3] | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeFalse }
        Get-CurrentChain | Should -Be @($script:chain[0])
    }
}

Describe 'removing checkpoints one by one' {
    BeforeAll {
        $script:sandbox = New-ChainHost
    }
    AfterAll {
        Remove-TestHost -Path $script:sandbox
    }

    It 'removing only the newest merges its disk into its parent and keeps the others' {
        Hyper-V\Remove-VMSnapshot -VMName chain -Name cp3
        Wait-SimIdle -TimeoutSeconds 5
        @(Hyper-V\Get-VMSnapshot -VMName chain).Name | Should -Be @('cp1', 'cp2')
        Get-CurrentChain | Should -Be @($script:chain[2], $script:chain[1], $script:chain[0])
        Test-Path -LiteralPath $script:chain[3] | Should -BeFalse
    }

    It 'removing the oldest re-parents the rest onto the base disk' {
        Hyper-V\Remove-VMSnapshot -VMName chain -Name cp1
        Wait-SimIdle -TimeoutSeconds 5
        $left = Hyper-V\Get-VMSnapshot -VMName chain
        $left.Name | Should -Be 'cp2'
        $left.ParentSnapshotId | Should -BeNullOrEmpty
        ($left | Hyper-V\Get-VMHardDiskDrive).Path | Should -Be $script:chain[0]
        Get-CurrentChain | Should -Be @($script:chain[2], $script:chain[0])
    }

    It 'piping overlapping merges still ends on the base disk' {
        $sandbox2 = New-ChainHost
        try {
            Hyper-V\Get-VMSnapshot -VMName chain | Hyper-V\Remove-VMSnapshot
            Wait-SimIdle -TimeoutSeconds 5
            Get-CurrentChain | Should -Be @($script:chain[0])
            $script:chain[1..3] | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeFalse }
        }
        finally {
            Remove-SimSandbox -Path $sandbox2
            $env:HVSIM_ROOT = $script:sandbox
        }
    }
}

Describe 'Remove-VMHardDiskDrive' {
    BeforeAll {
        $script:sandbox = New-ChainHost
    }
    AfterAll {
        Remove-TestHost -Path $script:sandbox
    }

    It 'removes the drive from the current configuration only' {
        Hyper-V\Get-VMHardDiskDrive -VMName chain | Hyper-V\Remove-VMHardDiskDrive
        @(Hyper-V\Get-VMHardDiskDrive -VMName chain) | Should -BeNullOrEmpty
        (Hyper-V\Get-VMSnapshot -VMName chain -Name cp2 | Hyper-V\Get-VMHardDiskDrive).Path | Should -Be $script:chain[1]
        $script:chain | ForEach-Object -Process { Test-Path -LiteralPath $_ | Should -BeTrue }
    }

    It 'leaves the released file locked for releaseDelayMs, then deletable with no simulator call between' -Skip:(-not $script:locksEnforced) {
        { Remove-Item -LiteralPath $script:chain[3] -ErrorAction Stop } | Should -Throw
        Start-Sleep -Milliseconds 500
        Remove-Item -LiteralPath $script:chain[3] -ErrorAction Stop
        Test-Path -LiteralPath $script:chain[3] | Should -BeFalse
    }

    It 'refuses a checkpoint''s drive' {
        Hyper-V\Get-VMSnapshot -VMName chain -Name cp1 | Hyper-V\Get-VMHardDiskDrive | Hyper-V\Remove-VMHardDiskDrive -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "*checkpoint 'cp1'*"
    }
}
