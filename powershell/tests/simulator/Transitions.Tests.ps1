# State transitions (HYPERV-NOTES.md): allowed moves, warnings, InvalidState, shutdown service, delays, Critical.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:id = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c51'
    $script:twinIds = @('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c52', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c53')
    $scenario = New-TestScenario -VM @(
        @{ id = $script:id; name = 'subject'; path = 'C:\VMs\subject'; hardDrives = @('C:\VMs\subject\subject.vhdx') },
        @{ id = $script:twinIds[0]; name = 'twin'; path = 'C:\VMs\twin1'; state = 'Running' },
        @{ id = $script:twinIds[1]; name = 'twin'; path = 'C:\VMs\twin2'; state = 'Running' }
    ) -Vhd @{ 'C:\VMs\subject\subject.vhdx' = @{} } -Behaviour @{ releaseDelayMs = 0; mergeDelayMs = 0; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario

    function Set-SubjectState {
        param([string] $State, [bool] $ShutdownService = $true)
        Update-SimState -ScriptBlock {
            param($SimState)
            $vm = $SimState.vms | Where-Object -FilterScript { $_.id -eq $script:id }
            $vm.state = $State
            $vm.transition = $null
            $vm.guestShutdownService = $ShutdownService
            $vm.startedAt = $(if ($State -match 'Running|Paused') { '2025-01-01T00:00:00.000Z' } else { $null })
        }
    }
    function Get-SubjectState {
        "$((Hyper-V\Get-VM -Id $script:id).State)"
    }
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'power actions from each state' {
    BeforeAll {
        Set-SimBehaviour -TransitionDelayMs 0
    }

    It '<Command> <Switch> from <From> -> <Expect>' -ForEach @(
        @{ Command = 'Start-VM'; Switch = ''; From = 'Off'; Expect = 'Running' }
        @{ Command = 'Start-VM'; Switch = ''; From = 'Saved'; Expect = 'Running' }
        @{ Command = 'Start-VM'; Switch = ''; From = 'Paused'; Expect = 'Running' }
        @{ Command = 'Start-VM'; Switch = ''; From = 'Running'; Expect = 'warning' }
        @{ Command = 'Stop-VM'; Switch = 'TurnOff'; From = 'Running'; Expect = 'Off' }
        @{ Command = 'Stop-VM'; Switch = 'TurnOff'; From = 'Paused'; Expect = 'Off' }
        @{ Command = 'Stop-VM'; Switch = 'TurnOff'; From = 'Saved'; Expect = 'Off' }
        @{ Command = 'Stop-VM'; Switch = 'TurnOff'; From = 'Off'; Expect = 'warning' }
        @{ Command = 'Stop-VM'; Switch = ''; From = 'Running'; Expect = 'Off' }
        @{ Command = 'Stop-VM'; Switch = ''; From = 'Paused'; Expect = 'InvalidState' }
        @{ Command = 'Stop-VM'; Switch = ''; From = 'Saved'; Expect = 'InvalidState' }
        @{ Command = 'Stop-VM'; Switch = ''; From = 'Off'; Expect = 'warning' }
        @{ Command = 'Stop-VM'; Switch = 'Save'; From = 'Running'; Expect = 'Saved' }
        @{ Command = 'Save-VM'; Switch = ''; From = 'Running'; Expect = 'Saved' }
        @{ Command = 'Save-VM'; Switch = ''; From = 'Paused'; Expect = 'Saved' }
        @{ Command = 'Save-VM'; Switch = ''; From = 'Saved'; Expect = 'warning' }
        @{ Command = 'Save-VM'; Switch = ''; From = 'Off'; Expect = 'InvalidState' }
        @{ Command = 'Suspend-VM'; Switch = ''; From = 'Running'; Expect = 'Paused' }
        @{ Command = 'Suspend-VM'; Switch = ''; From = 'Paused'; Expect = 'warning' }
        @{ Command = 'Suspend-VM'; Switch = ''; From = 'Saved'; Expect = 'InvalidState' }
        @{ Command = 'Resume-VM'; Switch = ''; From = 'Paused'; Expect = 'Running' }
        @{ Command = 'Resume-VM'; Switch = ''; From = 'Running'; Expect = 'warning' }
        @{ Command = 'Resume-VM'; Switch = ''; From = 'Off'; Expect = 'InvalidState' }
        @{ Command = 'Remove-VMSavedState'; Switch = ''; From = 'Saved'; Expect = 'Off' }
        @{ Command = 'Remove-VMSavedState'; Switch = ''; From = 'Off'; Expect = 'warning' }
        @{ Command = 'Remove-VMSavedState'; Switch = ''; From = 'Running'; Expect = 'InvalidState' }
    ) {
        Set-SubjectState -State $From
        $vm = Hyper-V\Get-VM -Id $script:id
        $arguments = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'problems'; WarningAction = 'SilentlyContinue'; WarningVariable = 'warnings'; VM = $vm }
        if ($Switch) {
            $arguments[$Switch] = $true
        }
        & "Hyper-V\$Command" @arguments
        switch ($Expect) {
            'warning' {
                $warnings.Count | Should -Be 1
                "$($warnings[0])" | Should -Be 'The virtual machine is already in the specified state.'
                $problems.Count | Should -Be 0
                Get-SubjectState | Should -Be $From
            }
            'InvalidState' {
                $problems.Count | Should -Be 1
                $problems[0].FullyQualifiedErrorId | Should -Be "InvalidState,Microsoft.HyperV.PowerShell.Commands.$($Command.Replace('-', ''))"
                $problems[0].Exception.Message | Should -Be "'subject' failed to change state. The operation cannot be performed while the object is in its current state."
                Get-SubjectState | Should -Be $From
            }
            default {
                "$problems" | Should -BeNullOrEmpty
                "$warnings" | Should -BeNullOrEmpty
                Get-SubjectState | Should -Be $Expect
            }
        }
    }

    It 'keeps uptime and assigned memory consistent with the state' {
        Set-SubjectState -State 'Off'
        Hyper-V\Start-VM -Name subject
        $vm = Hyper-V\Get-VM -Id $script:id
        $vm.MemoryAssigned | Should -Be 2147483648
        $vm.Uptime.TotalSeconds | Should -BeLessThan 60
        Hyper-V\Stop-VM -Name subject -TurnOff
        $vm = Hyper-V\Get-VM -Id $script:id
        $vm.MemoryAssigned | Should -Be 0
        $vm.Uptime | Should -Be ([timespan]::Zero)
    }
}

Describe 'graceful shutdown and the guest''s shutdown service' {
    BeforeAll {
        Set-SimBehaviour -TransitionDelayMs 0
    }

    It 'refuses without the service, naming the VM' {
        Set-SubjectState -State 'Running' -ShutdownService $false
        { Hyper-V\Stop-VM -Name subject -ErrorAction Stop } | Should -Throw "*'subject'*shutdown integration service*"
        Get-SubjectState | Should -Be 'Running'
    }

    It 'turns the VM off with -Force' {
        Set-SubjectState -State 'Running' -ShutdownService $false
        Hyper-V\Stop-VM -Name subject -Force
        Get-SubjectState | Should -Be 'Off'
    }
}

Describe 'Starting, Stopping and Saving take transitionDelayMs' {
    BeforeAll {
        Set-SimBehaviour -TransitionDelayMs 300
    }
    AfterAll {
        Set-SimBehaviour -TransitionDelayMs 0
    }

    It 'starts through Starting, refusing other actions meanwhile, then settles when read' {
        Set-SubjectState -State 'Off'
        Hyper-V\Start-VM -Name subject
        Get-SubjectState | Should -Be 'Starting'
        Hyper-V\Stop-VM -Name subject -TurnOff -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidState,*'
        Start-Sleep -Milliseconds 400
        Get-SubjectState | Should -Be 'Running'
    }

    It 'shuts down through Stopping and saves through Saving' {
        Set-SubjectState -State 'Running'
        Hyper-V\Stop-VM -Name subject
        Get-SubjectState | Should -Be 'Stopping'
        Start-Sleep -Milliseconds 400
        Get-SubjectState | Should -Be 'Off'
        Set-SubjectState -State 'Running'
        Hyper-V\Save-VM -Name subject
        Get-SubjectState | Should -Be 'Saving'
        Start-Sleep -Milliseconds 400
        Get-SubjectState | Should -Be 'Saved'
    }

    It 'turns off at once' {
        Set-SubjectState -State 'Running'
        Hyper-V\Stop-VM -Name subject -TurnOff
        Get-SubjectState | Should -Be 'Off'
    }
}

Describe 'a Critical state behaves like its base state' {
    BeforeAll {
        Set-SimBehaviour -TransitionDelayMs 0
    }

    It 'turns RunningCritical off into OffCritical and refuses what Off refuses' {
        Set-SubjectState -State 'RunningCritical'
        (Hyper-V\Get-VM -Id $script:id | Select-Object -Property State | ConvertTo-Json -Compress) | Should -Be '{"State":32785}'
        Hyper-V\Stop-VM -Name subject -TurnOff
        Get-SubjectState | Should -Be 'OffCritical'
        Hyper-V\Save-VM -Name subject -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidState,*'
        Hyper-V\Start-VM -Name subject
        Get-SubjectState | Should -Be 'RunningCritical'
    }
}

Describe 'targets, pipeline, -WhatIf and -Passthru' {
    BeforeAll {
        Set-SimBehaviour -TransitionDelayMs 0
    }

    It 'acts on every VM with a duplicate name' {
        Hyper-V\Stop-VM -Name twin -TurnOff
        @(Hyper-V\Get-VM -Name twin | Where-Object -FilterScript { $_.State -eq 'Off' }).Count | Should -Be 2
        Hyper-V\Get-VM -Name twin | Hyper-V\Start-VM
        @(Hyper-V\Get-VM -Name twin | Where-Object -FilterScript { $_.State -eq 'Running' }).Count | Should -Be 2
    }

    It 'changes nothing with -WhatIf' {
        Set-SubjectState -State 'Running'
        Hyper-V\Stop-VM -Name subject -TurnOff -WhatIf
        Get-SubjectState | Should -Be 'Running'
    }

    It 'returns the VM with -Passthru' {
        Set-SubjectState -State 'Running'
        $vm = Hyper-V\Suspend-VM -Name subject -Passthru
        $vm.Id | Should -Be ([guid] $script:id)
        "$($vm.State)" | Should -Be 'Paused'
    }

    It 'writes the not-found error for a missing name' {
        Hyper-V\Start-VM -Name ghost -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.StartVM'
    }

    It 'writes ObjectNotFound for a VM object whose VM is gone' {
        $ghost = [pscustomobject]@{ PSTypeName = 'Microsoft.HyperV.PowerShell.VirtualMachine'; Id = [guid]::NewGuid(); VMId = [guid]::NewGuid(); Name = 'gone' }
        Hyper-V\Start-VM -VM $ghost -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.StartVM'
    }
}
