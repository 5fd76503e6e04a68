# Invoke-VmLifecycleJob.ps1 against the simulator: each action reaches and verifies its state; impossible
# transitions and wrong identities are refused before any change.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment

    function New-LifecyclePayload {
        param([string] $VmId, [string] $VmName, [string] $Action)
        [ordered]@{ job_id = "life-$Action"; vm_id = $VmId; vm_name = $VmName; action = $Action; requested_by = 'tester'; control_plane = 'WS-TEST'; options = $script:FastOptions }
    }
    $script:vms = @{
        web01    = '10000000-0000-0000-0000-000000000001'
        app01    = '10000000-0000-0000-0000-000000000003'
        run01    = '10000000-0000-0000-0000-000000000007'
        paused01 = '10000000-0000-0000-0000-000000000008'
        saved01  = '10000000-0000-0000-0000-000000000009'
    }
}

Describe 'Lifecycle jobs' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It '<Action> takes <Name> from <From> to <To>, verified, and reports the new state' -TestCases @(
        @{ Action = 'start'; Name = 'web01'; From = 'Off'; To = 'Running' }
        @{ Action = 'save'; Name = 'web01'; From = 'Running'; To = 'Saved' }
        @{ Action = 'start'; Name = 'web01'; From = 'Saved'; To = 'Running' }
        @{ Action = 'shutdown'; Name = 'web01'; From = 'Running'; To = 'Off' }
        @{ Action = 'turnoff'; Name = 'paused01'; From = 'Paused'; To = 'Off' }
        @{ Action = 'turnoff'; Name = 'saved01'; From = 'Saved'; To = 'Off' }
    ) {
        (Get-SimVmState -Id $script:vms[$Name]).state | Should -BeExactly $From
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms[$Name] -VmName $Name -Action $Action)
        $run.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $run)
        $run.Result.vm.state | Should -BeExactly $To
        (Get-SimVmState -Id $script:vms[$Name]).state | Should -BeExactly $To
        @($run.Steps | Where-Object { $_.status -ne 'started' } | ForEach-Object { $_.id }) | Should -Be @('validate', 'lock', $Action)
        Test-Path -LiteralPath 'C:\ProgramData\HvAgent\host.lock' | Should -BeFalse
    }

    It 'succeeds with a warning when the VM is already in the target state' {
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.run01 -VmName 'run01' -Action 'start')
        $run.ExitCode | Should -Be 0
        ($run.Steps | Where-Object { $_.id -eq 'start' -and $_.status -eq 'skipped' }).detail | Should -BeExactly 'already Running'
        @($run.Warnings).Count | Should -Be 1
    }

    It 'refuses a shut down of a Paused VM before any change, saying why' {
        Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.app01 -VmName 'app01' -Action 'save') | Out-Null
        Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.app01 -VmName 'app01' -Action 'start') | Out-Null
        Update-SimState -ScriptBlock { param($State) ($State.vms | Where-Object { $_.name -eq 'app01' }).state = 'Paused' } | Out-Null
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.app01 -VmName 'app01' -Action 'shutdown')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'invalid_transition'
        $run.Result.error.step | Should -BeExactly 'validate'
        $run.Result.error.message | Should -BeLike '*cannot shut down a VM that is Paused*'
        $run.Result.vm.state | Should -BeExactly 'Paused'
        (Get-SimVmState -Id $script:vms.app01).state | Should -BeExactly 'Paused'
    }

    It 'refuses a save of an Off VM' {
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.paused01 -VmName 'paused01' -Action 'save')
        $run.Result.error.code | Should -BeExactly 'invalid_transition'
        (Get-SimVmState -Id $script:vms.paused01).state | Should -BeExactly 'Off'
    }

    It 'fails with Hyper-V''s message when the guest cannot shut down' {
        Update-SimState -ScriptBlock { param($State) ($State.vms | Where-Object { $_.name -eq 'run01' }).guestShutdownService = $false } | Out-Null
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.run01 -VmName 'run01' -Action 'shutdown')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'host_error'
        $run.Result.error.object | Should -BeExactly 'run01'
        (Get-SimVmState -Id $script:vms.run01).state | Should -BeExactly 'Running' -Because 'a failed shut down is never turned into a turn-off'
    }

    It 'refuses an id and name that disagree' {
        $run = Invoke-AgentJob -Script Lifecycle -Body (New-LifecyclePayload -VmId $script:vms.run01 -VmName 'web01' -Action 'turnoff')
        $run.Result.error.code | Should -BeExactly 'identity_mismatch'
        (Get-SimVmState -Id $script:vms.run01).state | Should -BeExactly 'Running'
    }

    It 'refuses a payload without an action with exit code 2' {
        $body = New-LifecyclePayload -VmId $script:vms.run01 -VmName 'run01' -Action 'start'
        $body.Remove('action')
        $run = Invoke-AgentJob -Script Lifecycle -Body $body
        $run.ExitCode | Should -Be 2
        $run.Result.error.field | Should -BeExactly 'action'
    }
}
