# Fault injection: a cmdlet fails for a named object (naming it), a limited number of times; a cmdlet hangs
# without holding the state lock; clearing faults restores normal behaviour.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:webId = '6f7a8b9c-adbe-4fc0-9b2c-5d6e7f8a9ba1'
    $scenario = New-TestScenario -VM @(
        @{ id = $script:webId; name = 'web01'; path = 'C:\VMs\web01'; hardDrives = @('C:\VMs\web01\web01.vhdx') },
        @{ id = '6f7a8b9c-adbe-4fc0-9b2c-5d6e7f8a9ba2'; name = 'db01'; path = 'C:\VMs\db01'; hardDrives = @('C:\VMs\db01\db01.vhdx') }
    ) -Vhd @{ 'C:\VMs\web01\web01.vhdx' = @{}; 'C:\VMs\db01\db01.vhdx' = @{} } -Cluster @{ name = 'CLU'; nodes = @(@{ name = 'HV01' }); sharedVolumes = @(); groups = @(@{ name = 'db role'; vmId = '6f7a8b9c-adbe-4fc0-9b2c-5d6e7f8a9ba2'; state = 'Offline' }) } -Behaviour @{ releaseDelayMs = 0; mergeDelayMs = 0; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'failing cmdlets' {
    AfterEach {
        Clear-SimFault
    }

    It 'fails for the named VM with a message naming it, and succeeds once the fault is cleared' {
        $fault = Set-SimFault -CommandName Remove-VM -Target web01 -Message 'The RPC server is unavailable.'
        $fault.id | Should -Not -BeNullOrEmpty
        Hyper-V\Remove-VM -Name web01 -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -Be "Remove-VM failed for 'web01': The RPC server is unavailable."
        $problems[0].FullyQualifiedErrorId | Should -Be 'OperationFailed,Microsoft.HyperV.PowerShell.Commands.RemoveVM'
        Hyper-V\Get-VM -Id $script:webId | Should -Not -BeNullOrEmpty
        Test-Path -LiteralPath "C:\VMs\web01\Virtual Machines\$($script:webId.ToUpperInvariant()).vmcx" | Should -BeTrue
        Clear-SimFault -Id $fault.id
        @((Get-SimState).faults) | Should -BeNullOrEmpty
        Hyper-V\Stop-VM -Name web01 -TurnOff -WarningAction SilentlyContinue
        Hyper-V\Get-VM -Id $script:webId | Should -Not -BeNullOrEmpty
    }

    It 'matches the target by VM id and leaves other VMs alone' {
        $null = Set-SimFault -CommandName Get-VM -Target $script:webId
        $vms = Hyper-V\Get-VM -ErrorAction SilentlyContinue -ErrorVariable problems
        @($vms.Name) | Should -Be @('db01')
        $problems[0].Exception.Message | Should -Be "Get-VM failed for '$($script:webId)': simulated fault"
    }

    It 'matches the target by path' {
        $null = Set-SimFault -CommandName Get-VHD -Target 'c:\vms\DB01\db01.vhdx' -Message 'The file is corrupted.'
        Hyper-V\Get-VHD -Path 'C:\VMs\web01\web01.vhdx' | Should -Not -BeNullOrEmpty
        { Hyper-V\Get-VHD -Path 'C:\VMs\db01\db01.vhdx' -ErrorAction Stop } | Should -Throw "Get-VHD failed for 'C:\VMs\db01\db01.vhdx': The file is corrupted."
    }

    It 'matches a cluster group by name' {
        $null = Set-SimFault -CommandName Remove-ClusterGroup -Target 'db role'
        FailoverClusters\Remove-ClusterGroup -Name 'db role' -RemoveResources -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].Exception.Message | Should -BeLike "Remove-ClusterGroup failed for 'db role'*"
        FailoverClusters\Get-ClusterGroup -Name 'db role' | Should -Not -BeNullOrEmpty
    }

    It 'fires only -Count times' {
        $null = Set-SimFault -CommandName Start-VM -Target web01 -Count 2
        Hyper-V\Start-VM -Name web01 -ErrorAction SilentlyContinue -ErrorVariable first
        Hyper-V\Start-VM -Name web01 -ErrorAction SilentlyContinue -ErrorVariable second
        $first.Count | Should -Be 1
        $second.Count | Should -Be 1
        Hyper-V\Start-VM -Name web01
        "$((Hyper-V\Get-VM -Id $script:webId).State)" | Should -Be 'Running'
        @((Get-SimState).faults) | Should -BeNullOrEmpty
        Hyper-V\Stop-VM -Name web01 -TurnOff
    }

    It 'with -ErrorAction Stop becomes a terminating error' {
        $null = Set-SimFault -CommandName Stop-VM -Target '*'
        { Hyper-V\Stop-VM -Name db01 -TurnOff -ErrorAction Stop } | Should -Throw "Stop-VM failed for*"
    }
}

Describe 'hanging cmdlets' {
    AfterEach {
        Clear-SimFault
    }

    It 'hangs N seconds, then does its work' {
        $null = Set-SimFault -CommandName Start-VM -Target web01 -Kind Hang -Seconds 1
        $elapsed = Measure-Command { Hyper-V\Start-VM -Name web01 }
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 1
        "$((Hyper-V\Get-VM -Id $script:webId).State)" | Should -Be 'Running'
        Hyper-V\Stop-VM -Name web01 -TurnOff
    }

    It 'does not hold the state lock while hanging' {
        $null = Set-SimFault -CommandName Get-VM -Kind Hang -Seconds 1.5
        $modules = $script:SimulatorModules
        $job = Start-ThreadJob -ScriptBlock {
            Start-Sleep -Milliseconds 300
            Import-Module -Name (Join-Path -Path $using:modules -ChildPath 'HvSim/HvSim.psd1')
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = Update-SimState -ScriptBlock { param($State) $State.host.touched = $true }
            $watch.Elapsed.TotalSeconds
        }
        $null = Hyper-V\Get-VM
        $inner = Receive-Job -Job $job -Wait -AutoRemoveJob
        $inner | Should -BeLessThan 1
        (Get-SimState).host.touched | Should -BeTrue
    }

    It 'does not hang when the target does not match' {
        $null = Set-SimFault -CommandName Get-VM -Target nobody -Kind Hang -Seconds 5
        (Measure-Command { $null = Hyper-V\Get-VM }).TotalSeconds | Should -BeLessThan 2
    }
}
