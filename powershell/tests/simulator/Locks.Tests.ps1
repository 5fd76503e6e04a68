# Locked files really refuse deletion by provider cmdlets, and become deletable when the lock ends.
BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:locksEnforced = Test-LocksEnforced
}
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    # Discovery and run are separate phases: what BeforeDiscovery set is gone by now.
    $script:locksEnforced = Test-LocksEnforced
    $script:parent = 'C:\VMs\Parents\gold.vhdx'
    $script:child = 'C:\VMs\run\run.vhdx'
    $script:iso = 'C:\ISO\shared.iso'
    $scenario = New-TestScenario -VM @(
        @{ id = '4d5e6f7a-8b9c-4dae-9f0a-3b4c5d6e7f81'; name = 'run'; path = 'C:\VMs\run'; state = 'Running'; hardDrives = @($script:child); dvdDrives = @($script:iso) },
        @{ id = '4d5e6f7a-8b9c-4dae-9f0a-3b4c5d6e7f82'; name = 'idle'; path = 'C:\VMs\idle'; dvdDrives = @($script:iso) }
    ) -Vhd @{ $script:parent = @{}; $script:child = @{ parentPath = $script:parent } } -File @(
        @{ path = $script:iso; sizeBytes = 100 }, @{ path = 'C:\Data\report.txt'; content = 'r' }, @{ path = 'C:\Data\Folder\inner.txt'; content = 'i' }
    ) -Behaviour @{ releaseDelayMs = 400; mergeDelayMs = 400; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'files in use by a running VM' -Skip:(-not $script:locksEnforced) {
    It 'refuses deleting its disk, the disk''s parent and its ISO' {
        foreach ($path in $script:child, $script:parent, $script:iso) {
            { Remove-Item -LiteralPath $path -ErrorAction Stop } | Should -Throw -Because $path
            Test-Path -LiteralPath $path | Should -BeTrue
        }
        @((Get-SimState).locks | Where-Object -FilterScript { $_.reason -eq 'in-use' }).Count | Should -Be 3
    }

    It 'releases them as soon as the VM is off' {
        Hyper-V\Stop-VM -Name run -TurnOff
        Remove-Item -LiteralPath $script:child -ErrorAction Stop
        Test-Path -LiteralPath $script:child | Should -BeFalse
        Remove-Item -LiteralPath $script:iso -ErrorAction Stop
    }
}

Describe 'Lock-SimFile' -Skip:(-not $script:locksEnforced) {
    It 'locks a file until Unlock-SimFile' {
        Lock-SimFile -Path 'C:\Data\report.txt'
        { Remove-Item -LiteralPath 'C:\Data\report.txt' -ErrorAction Stop } | Should -Throw
        { Set-Content -LiteralPath 'C:\Data\report.txt' -Value 'x' -ErrorAction Stop } | Should -Throw
        Unlock-SimFile -Path 'C:\Data\report.txt'
        Remove-Item -LiteralPath 'C:\Data\report.txt' -ErrorAction Stop
        Test-Path -LiteralPath 'C:\Data\report.txt' | Should -BeFalse
    }

    It 'locks a folder: no rmdir, no change inside' {
        Lock-SimFile -Path 'C:\Data\Folder' -Seconds 30
        { Remove-Item -LiteralPath 'C:\Data\Folder\inner.txt' -ErrorAction Stop } | Should -Throw
        { Remove-Item -LiteralPath 'C:\Data\Folder' -Recurse -ErrorAction Stop } | Should -Throw
        Test-Path -LiteralPath 'C:\Data\Folder\inner.txt' | Should -BeTrue
        Clear-SimFault
        Remove-Item -LiteralPath 'C:\Data\Folder' -Recurse -ErrorAction Stop
    }

    It 'ends a timed lock on time with no simulator call in between' {
        Set-Content -LiteralPath 'C:\Data\timed.txt' -Value 't'
        Lock-SimFile -Path 'C:\Data\timed.txt' -Seconds 0.4
        { Remove-Item -LiteralPath 'C:\Data\timed.txt' -ErrorAction Stop } | Should -Throw
        Start-Sleep -Milliseconds 700
        Remove-Item -LiteralPath 'C:\Data\timed.txt' -ErrorAction Stop
        Test-Path -LiteralPath 'C:\Data\timed.txt' | Should -BeFalse
    }

    It 'keeps the longer of two locks on one file' {
        Set-Content -LiteralPath 'C:\Data\twice.txt' -Value 't'
        Lock-SimFile -Path 'C:\Data\twice.txt' -Seconds 0.3
        Lock-SimFile -Path 'C:\Data\twice.txt' -Seconds 1.2
        Start-Sleep -Milliseconds 600
        { Remove-Item -LiteralPath 'C:\Data\twice.txt' -ErrorAction Stop } | Should -Throw
        Start-Sleep -Milliseconds 900
        Remove-Item -LiteralPath 'C:\Data\twice.txt' -ErrorAction Stop
    }

    It 'detaching an ISO leaves it locked for releaseDelayMs' {
        Hyper-V\Get-VMDvdDrive -VMName idle | Hyper-V\Set-VMDvdDrive -Path $null
        (Hyper-V\Get-VMDvdDrive -VMName idle).Path | Should -BeNullOrEmpty
        (Get-SimState).locks | Where-Object -FilterScript { $_.reason -eq 'released' } | ForEach-Object -Process { $_.path } | Should -Be @($script:iso)
    }
}

Describe 'DVD drives' {
    It 'inserts an existing ISO and refuses a missing one' {
        Set-Content -LiteralPath 'C:\ISO\tools.iso' -Value 'iso'
        Hyper-V\Set-VMDvdDrive -VMName idle -Path 'C:\ISO\tools.iso'
        (Hyper-V\Get-VMDvdDrive -VMName idle).Path | Should -Be 'C:\ISO\tools.iso'
        Hyper-V\Set-VMDvdDrive -VMName idle -Path 'C:\ISO\missing.iso' -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.SetVMDvdDrive'
        (Hyper-V\Get-VMDvdDrive -VMName idle).Path | Should -Be 'C:\ISO\tools.iso'
    }

    It 'removes the drive and leaves its ISO locked for releaseDelayMs' {
        $drive = Hyper-V\Get-VMDvdDrive -VMName idle
        $removed = $drive | Hyper-V\Remove-VMDvdDrive -Passthru
        $removed.Path | Should -Be 'C:\ISO\tools.iso'
        @(Hyper-V\Get-VMDvdDrive -VMName idle) | Should -BeNullOrEmpty
        Test-Path -LiteralPath 'C:\ISO\tools.iso' | Should -BeTrue
        if ($script:locksEnforced) {
            { Remove-Item -LiteralPath 'C:\ISO\tools.iso' -ErrorAction Stop } | Should -Throw
        }
        Wait-SimIdle -TimeoutSeconds 5
        Remove-Item -LiteralPath 'C:\ISO\tools.iso' -ErrorAction Stop
    }

    It 'refuses to remove an IDE drive while the VM runs' {
        $scenario = New-TestScenario -VM @(@{ id = '4d5e6f7a-8b9c-4dae-9f0a-3b4c5d6e7f84'; name = 'gen1'; generation = 1; state = 'Running'; path = 'C:\VMs\gen1'; dvdDrives = @(@{ path = $null }) })
        $other = New-TestHost -Scenario $scenario
        try {
            Hyper-V\Remove-VMDvdDrive -VMName gen1 -ControllerNumber 1 -ControllerLocation 0 -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidState,Microsoft.HyperV.PowerShell.Commands.RemoveVMDvdDrive'
            @(Hyper-V\Get-VMDvdDrive -VMName gen1).Count | Should -Be 1
            Hyper-V\Stop-VM -Name gen1 -TurnOff
            Hyper-V\Remove-VMDvdDrive -VMName gen1 -ControllerNumber 1 -ControllerLocation 0
            @(Hyper-V\Get-VMDvdDrive -VMName gen1) | Should -BeNullOrEmpty
        }
        finally {
            Remove-SimSandbox -Path $other
            $env:HVSIM_ROOT = $script:sandbox
        }
    }
}

Describe 'Remove-SimSandbox' {
    It 'deletes a sandbox that still holds locked files' {
        $other = New-TestHost -Scenario (New-TestScenario -File @(@{ path = 'C:\locked.bin'; sizeBytes = 10 }))
        Lock-SimFile -Path 'C:\locked.bin'
        Remove-SimSandbox -Path $other
        Test-Path -LiteralPath $other | Should -BeFalse
        $env:HVSIM_ROOT = $script:sandbox
    }
}

Describe 'where locks cannot be enforced' {
    It 'warns once and carries on, the locked file deletable' {
        $other = New-TestHost -Scenario (New-TestScenario -VM @(@{ id = '4d5e6f7a-8b9c-4dae-9f0a-3b4c5d6e7f83'; name = 'run'; path = 'C:\VMs\run'; hardDrives = @('C:\VMs\run\run.vhdx') }) -Vhd @{ 'C:\VMs\run\run.vhdx' = @{} })
        try {
            # Without chattr on PATH (as for a non-root user or another platform) the simulator cannot lock.
            $info = [System.Diagnostics.ProcessStartInfo]::new((Get-TestPwsh))
            $command = "Import-Module Hyper-V; Hyper-V\Start-VM -Name run; `$null = Hyper-V\Get-VM; Remove-Item -LiteralPath 'C:\VMs\run\run.vhdx'; Test-Path -LiteralPath 'C:\VMs\run\run.vhdx'; (Get-SimState).locks.reason"
            foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $command) {
                $info.ArgumentList.Add($argument)
            }
            $info.Environment['PATH'] = '/nonexistent'
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $info.UseShellExecute = $false
            $process = [System.Diagnostics.Process]::Start($info)
            $output = @($process.StandardOutput.ReadToEnd() -split "`n" | ForEach-Object -Process { $_.Trim() } | Where-Object -FilterScript { $_ })
            $null = $process.StandardError.ReadToEnd()
            $process.WaitForExit(60000) | Should -BeTrue
            @($output | Where-Object -FilterScript { $_ -match 'WARNING: HvSim: file locks are recorded but not enforced' }).Count | Should -Be 1
            $output[-2] | Should -Be 'False'
            $output[-1] | Should -Be 'in-use'
        }
        finally {
            Remove-SimSandbox -Path $other
            $env:HVSIM_ROOT = $script:sandbox
        }
    }
}
