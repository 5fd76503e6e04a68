# Invoke-DeleteVmJob.ps1 against the simulator: plan-only, a full delete, what survives, force and identity.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment
    $script:web01 = '10000000-0000-0000-0000-000000000001'
}

Describe 'Delete web01: plan only, then execute' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'delete-host'
        $script:start = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $script:startVms = (Get-SimState).vms | ConvertTo-Json -Depth 10
        $script:planRun = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:web01 -VmName 'web01' -Mode 'plan')
        $script:afterPlan = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $script:beforeRun = Get-SandboxSnapshot -Sandbox $script:sandbox
        $script:afterPlanVms = (Get-SimState).vms | ConvertTo-Json -Depth 10
        $script:otherVmsBefore = @((Get-SimState).vms | Where-Object { $_.id -ne $script:web01 } | ForEach-Object { $_ | ConvertTo-Json -Depth 10 -Compress })
        $script:run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:web01 -VmName 'web01')
        $script:end = Get-SandboxSnapshot -Sandbox $script:sandbox
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'plan mode succeeds, runs only validate and plan, and emits one plan' {
        $script:planRun.ExitCode | Should -Be 0
        $script:planRun.Result.status | Should -BeExactly 'succeeded'
        @($script:planRun.Steps | Where-Object { $_.status -ne 'started' } | ForEach-Object { $_.id }) | Should -Be @('validate', 'plan')
        $script:planRun.Plan | Should -Not -BeNullOrEmpty
    }

    It 'plan mode changes nothing: every file and folder (agent data included) and every VM as before' {
        $diff = Compare-SandboxSnapshot -Before $script:start -After $script:afterPlan
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
        $script:afterPlanVms | Should -BeExactly $script:startVms
    }

    It 'plans to delete the disks, the VM''s ISO, the ISOs named for it and its configuration' {
        Get-PlanPaths $script:planRun.Plan.files_to_delete | Should -Be (@(
                'C:\VMs\web01\Virtual Hard Disks\web01.vhdx', 'C:\VMs\web01\Virtual Hard Disks\web01-data.vhdx', 'C:\VMs\web01\web01-cidata.iso',
                'C:\VMs\web01.iso', 'C:\VMs\web01-seed.iso',
                "C:\VMs\web01\Virtual Machines\$($script:web01).vmcx", "C:\VMs\web01\Virtual Machines\$($script:web01).vmrs", "C:\VMs\web01\Virtual Machines\$($script:web01).vmgs"
            ) | Sort-Object)
    }

    It 'keeps the template parent, the library ISO and the ISO named for the longer-named VM, each with its reason' {
        $reasons = @{}
        foreach ($file in $script:planRun.Plan.files_to_keep) { $reasons[$file.path] = $file.reason }
        $reasons['C:\Templates\golden.vhdx'] | Should -BeExactly 'parent'
        $reasons['C:\ISO\win2022.iso'] | Should -BeExactly 'shared'
        $reasons['C:\VMs\web01-02.iso'] | Should -BeExactly 'named_for_other_vm'
    }

    It 'executes every step in order and succeeds' {
        $script:run.ExitCode | Should -Be 0
        $script:run.Result.status | Should -BeExactly 'succeeded'
        @($script:run.Steps | Where-Object { $_.status -ne 'started' } | ForEach-Object { $_.id }) |
            Should -Be @('validate', 'lock', 'plan', 'cluster', 'power', 'checkpoints', 'disks', 'media', 'unregister', 'folders')
    }

    It 'removes exactly the files and folders the plan listed, and nothing else changes' {
        $diff = Compare-SandboxSnapshot -Before $script:beforeRun -After $script:end
        $expected = @($script:planRun.Plan.files_to_delete | ForEach-Object { $_.path }) + @($script:planRun.Plan.folders_to_prune)
        $diff.Removed | Should -Be ($expected | Sort-Object)
        $diff.Added | Should -BeNullOrEmpty
        $diff.Changed | Should -BeNullOrEmpty
    }

    It 'reports in the result exactly what the plan listed' {
        Get-PlanPaths $script:run.Result.files_deleted | Should -Be (Get-PlanPaths $script:planRun.Plan.files_to_delete)
        Get-PlanPaths $script:run.Result.folders_removed | Should -Be (Get-PlanPaths $script:planRun.Plan.folders_to_prune)
    }

    It 'unregisters the VM and leaves every other VM exactly as it was' {
        Get-SimVmState -Id $script:web01 | Should -BeNullOrEmpty
        @((Get-SimState).vms | Where-Object { $_.id -ne $script:web01 } | ForEach-Object { $_ | ConvertTo-Json -Depth 10 -Compress }) | Should -Be $script:otherVmsBefore
    }

    It 'keeps the template, the shared parent, the library ISO and the other VMs'' disks and ISOs' {
        foreach ($path in 'C:\Templates\golden.vhdx', 'C:\Base\shared-base.vhdx', 'C:\ISO\win2022.iso', 'C:\VMs\web01-02.iso', 'C:\VMs\app01.iso',
            'C:\VMs\web01-02\web01-02.vhdx', 'C:\VMs\app01\app01.vhdx', 'C:\VMs\db01\Virtual Hard Disks\db01.vhdx') {
            Test-Path -LiteralPath $path | Should -BeTrue -Because "$path belongs to someone else"
        }
    }

    It 'leaves neither the host lock nor a saved plan behind' {
        Test-Path -LiteralPath 'C:\ProgramData\HvAgent\host.lock' | Should -BeFalse
        Test-Path -LiteralPath "C:\ProgramData\HvAgent\jobs\delete-$($script:web01).json" | Should -BeFalse
    }

    It 'fails a second delete of the same VM as not found, changing nothing' {
        $again = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:web01 -VmName 'web01')
        $again.ExitCode | Should -Be 1
        $again.Result.error.code | Should -BeExactly 'vm_not_found'
        $diff = Compare-SandboxSnapshot -Before $script:end -After (Get-SandboxSnapshot -Sandbox $script:sandbox)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }
}

Describe 'Delete: stray files, checkpoints and protected roots' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'keeps a VM folder holding a user''s file, with the file, and reports what it holds' {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $run.ExitCode | Should -Be 0
        Get-Content -LiteralPath 'C:\VMs\stray01\notes.txt' -Raw | Should -BeExactly "the admin's own notes"
        Test-Path -LiteralPath 'C:\VMs\stray01\stray01.vhdx' | Should -BeFalse
        $kept = @($run.Result.folders_kept | Where-Object { $_.path -eq 'C:\VMs\stray01' })
        $kept.Count | Should -Be 1
        $kept[0].holds | Should -Be @('notes.txt')
    }

    It 'keeps the default VM and disk folders even when the delete leaves them empty' {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000006' -VmName 'def01')
        $run.ExitCode | Should -Be 0
        Test-Path -LiteralPath 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks\def01.vhdx' | Should -BeFalse
        @(Get-ChildItem -LiteralPath 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks' -Force).Count | Should -Be 0
        Test-Path -LiteralPath 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks' -PathType Container | Should -BeTrue
        @(Get-ChildItem -LiteralPath 'C:\ProgramData\Microsoft\Windows\Hyper-V\Virtual Machines' -Force).Count | Should -Be 0
        Test-Path -LiteralPath 'C:\ProgramData\Microsoft\Windows\Hyper-V\Virtual Machines' -PathType Container | Should -BeTrue
    }

    It 'removes the checkpoints, waits for the merge, then deletes the merged disks and the whole VM folder' {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000004' -VmName 'db01')
        $run.ExitCode | Should -Be 0
        ($run.Steps | Where-Object { $_.id -eq 'checkpoints' -and $_.status -eq 'succeeded' }).detail | Should -BeExactly '2 checkpoints removed and merged'
        @((Get-SimState).merges).Count | Should -Be 0
        Test-Path -LiteralPath 'C:\VMs\db01' | Should -BeFalse
        Get-PlanPaths $run.Result.files_deleted | Should -Contain 'C:\VMs\db01\Virtual Hard Disks\db01_A.avhdx'
        Get-PlanPaths $run.Result.files_deleted | Should -Contain 'C:\VMs\db01\cidata.iso'
    }
}

Describe 'Delete: power state and force (S7)' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'refuses a Running VM without force at the validate step, before any change' {
        $before = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000007' -VmName 'run01')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'needs_force'
        $run.Result.error.step | Should -BeExactly 'validate'
        @($run.Steps | Where-Object { $_.status -eq 'succeeded' }).Count | Should -Be 0
        $diff = Compare-SandboxSnapshot -Before $before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
        (Get-SimVmState -Id '10000000-0000-0000-0000-000000000007').state | Should -BeExactly 'Running'
    }

    It 'shows a Running VM in plan mode without force, as needing force' {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000007' -VmName 'run01' -Mode 'plan')
        $run.ExitCode | Should -Be 0
        $run.Plan.requires_force | Should -BeTrue
        $run.Plan.power_action | Should -BeExactly 'turn_off'
        @($run.Warnings).Count | Should -Be 1
    }

    It 'with force turns a <Name> VM off, verifies Off, then deletes it' -TestCases @(
        @{ Name = 'run01'; Id = '10000000-0000-0000-0000-000000000007'; State = 'Running' }
        @{ Name = 'paused01'; Id = '10000000-0000-0000-0000-000000000008'; State = 'Paused' }
        @{ Name = 'saved01'; Id = '10000000-0000-0000-0000-000000000009'; State = 'Saved' }
    ) {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $Id -VmName $Name -Force $true)
        $run.ExitCode | Should -Be 0
        ($run.Steps | Where-Object { $_.id -eq 'power' -and $_.status -eq 'succeeded' }).detail | Should -BeExactly "turned off (was $State)"
        Get-SimVmState -Id $Id | Should -BeNullOrEmpty
        Test-Path -LiteralPath "D:\Hyper-V\$Name" | Should -BeFalse
    }

    It 'with force waits for a Starting VM to settle, then turns it off' {
        Update-SimState -ScriptBlock {
            param($State)
            $vm = $State.vms | Where-Object { $_.name -eq 'stray01' }
            $vm.state = 'Starting'
            $vm.transition = @{ to = 'Running'; at = (Format-SimTime -Time ([datetime]::UtcNow.AddMilliseconds(800))) }
        } | Out-Null
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01' -Force $true)
        $run.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $run)
        $run.Plan.vm.state | Should -BeExactly 'Starting'
        ($run.Steps | Where-Object { $_.id -eq 'power' -and $_.status -eq 'succeeded' }).detail | Should -BeExactly 'turned off (was Running)'
    }

    It 'with force turns off a VM in a Critical state' {
        Update-SimState -ScriptBlock { param($State) ($State.vms | Where-Object { $_.name -eq 'def01' }).state = 'RunningCritical' } | Out-Null
        $refused = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000006' -VmName 'def01')
        $refused.Result.error.code | Should -BeExactly 'needs_force'
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000006' -VmName 'def01' -Force $true)
        $run.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $run)
        ($run.Steps | Where-Object { $_.id -eq 'power' -and $_.status -eq 'succeeded' }).detail | Should -BeExactly 'turned off (was RunningCritical)'
    }
}

Describe 'Delete: identity (S1)' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'refuses when the id names another VM than the name given, before any change' {
        $before = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:web01 -VmName 'web01-02')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'identity_mismatch'
        $run.Result.error.message | Should -Match "named 'web01', not 'web01-02'"
        $diff = Compare-SandboxSnapshot -Before $before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }

    It 'refuses a name that differs only in case' {
        (Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:web01 -VmName 'WEB01' -Mode 'plan')).Result.error.code | Should -BeExactly 'identity_mismatch'
    }

    It 'reports an unknown id as vm_not_found' {
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '99999999-0000-0000-0000-000000000000' -VmName 'web01' -Mode 'plan')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'vm_not_found'
    }
}
