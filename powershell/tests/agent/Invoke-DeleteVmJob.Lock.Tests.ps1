# The host lock (S10) between mutating jobs: held and fresh refuses, stale is taken over; inventory never locks.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment
    $script:lockPath = 'C:\ProgramData\HvAgent\host.lock'

    function Set-ForeignLock {
        # A lock file as another workstation's job leaves it, expiring in -ExpiresIn seconds (negative: stale).
        param([string] $JobId, [int] $ExpiresIn)
        New-Item -ItemType Directory -Path 'C:\ProgramData\HvAgent' -Force | Out-Null
        $lock = [ordered]@{
            format = 1; job_id = $JobId; owner = 'bob @ WS-OTHER'; token = [guid]::NewGuid().ToString()
            started_at = '2024-05-01T10:00:00Z'; expires_at_unix = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + $ExpiresIn
        }
        Set-Content -LiteralPath $script:lockPath -Value ($lock | ConvertTo-Json -Compress)
        Get-Content -LiteralPath $script:lockPath -Raw
    }
}

Describe 'Host lock' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }
    AfterEach { Remove-Item -LiteralPath $script:lockPath -ErrorAction SilentlyContinue }

    It 'refuses a delete while another job holds a fresh lock, naming it, and changes nothing' {
        $held = Set-ForeignLock -JobId 'job-other' -ExpiresIn 600
        $before = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $run.ExitCode | Should -Be 1
        $run.Result.error.code | Should -BeExactly 'lock_held'
        $run.Result.error.step | Should -BeExactly 'lock'
        $run.Result.error.message | Should -BeLike "*job 'job-other' of 'bob @ WS-OTHER'*"
        Get-Content -LiteralPath $script:lockPath -Raw | Should -BeExactly $held
        $diff = Compare-SandboxSnapshot -Before $before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }

    It 'refuses a lifecycle job while the lock is held' {
        Set-ForeignLock -JobId 'job-other' -ExpiresIn 600 | Out-Null
        $run = Invoke-AgentJob -Script Lifecycle -Body ([ordered]@{ job_id = 'j-life'; vm_id = '10000000-0000-0000-0000-000000000003'; vm_name = 'app01'; action = 'save'; requested_by = 't'; control_plane = 'w'; options = $script:FastOptions })
        $run.Result.error.code | Should -BeExactly 'lock_held'
        (Get-SimVmState -Id '10000000-0000-0000-0000-000000000003').state | Should -BeExactly 'Running'
    }

    It 'lets the read-only inventory run while the lock is held, and leaves the lock alone' {
        $held = Set-ForeignLock -JobId 'job-other' -ExpiresIn 600
        $run = Invoke-AgentJob -Script Inventory -Body ([ordered]@{ job_id = 'j-inv'; requested_by = 't'; control_plane = 'w' })
        $run.ExitCode | Should -Be 0
        Get-Content -LiteralPath $script:lockPath -Raw | Should -BeExactly $held
    }

    It 'takes over a stale lock with a warning, runs, and releases the lock' {
        Set-ForeignLock -JobId 'job-crashed' -ExpiresIn -5 | Out-Null
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $run.ExitCode | Should -Be 0
        @($run.Warnings | Where-Object { $_.message -like "*stale host lock*job-crashed*" }).Count | Should -Be 1
        Test-Path -LiteralPath $script:lockPath | Should -BeFalse
    }
}

Describe 'Host lock between two processes' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll {
        Clear-SimFault
        Remove-TestSandbox -Path $script:sandbox
    }

    It 'refuses a second mutating job while a delete in another process holds the lock' {
        # The delete hangs in Stop-VM (an injected fault) while it holds the lock.
        Set-SimFault -CommandName 'Stop-VM' -Target 'run01' -Kind 'Hang' -Seconds 3 -Count 1 | Out-Null
        $body = New-DeletePayload -VmId '10000000-0000-0000-0000-000000000007' -VmName 'run01' -Force $true -JobId 'job-first'
        $first = Start-ThreadJob -ArgumentList $script:AgentScripts.Delete, (ConvertTo-AgentPayload -Body $body), $env:HVSIM_ROOT, $env:PSModulePath, $script:Pwsh -ScriptBlock {
            param($Script, $Payload, $Root, $ModulePath, $Pwsh)
            $env:HVSIM_ROOT = $Root
            $env:PSModulePath = $ModulePath
            $Payload | & $Pwsh -NoProfile -NonInteractive -File $Script
            "exit:$LASTEXITCODE"
        }
        $held = Wait-AgentCondition -TimeoutSeconds 60 -IntervalMilliseconds 100 -Condition {
            (Test-Path -LiteralPath $script:lockPath) -and ((Get-Content -LiteralPath $script:lockPath -Raw) -like '*job-first*')
        }
        $held | Should -BeTrue
        $second = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01' -JobId 'job-second')
        $second.Result.error.code | Should -BeExactly 'lock_held'
        $second.Result.error.message | Should -BeLike "*job 'job-first'*"
        Test-Path -LiteralPath 'C:\VMs\stray01\stray01.vhdx' | Should -BeTrue
        $output = @($first | Wait-Job -Timeout 90 | Receive-Job)
        $output[-1] | Should -BeExactly 'exit:0'
        Get-SimVmState -Id '10000000-0000-0000-0000-000000000007' | Should -BeNullOrEmpty
        Test-Path -LiteralPath $script:lockPath | Should -BeFalse
    }
}

Describe 'An interrupted delete' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll {
        Clear-SimFault
        Remove-TestSandbox -Path $script:sandbox
    }

    It 'leaves its lock behind; a re-run takes over the lock of the ended process and finishes from the saved plan' {
        # The job hangs in Remove-VM (after its disks are gone) and its process is stopped there, as when the
        # control plane times a job out.
        Set-SimFault -CommandName 'Remove-VM' -Target 'stray01' -Kind 'Hang' -Seconds 30 -Count 1 | Out-Null
        $body = New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01' -JobId 'job-interrupted'
        $body.options = [ordered]@{} + $script:FastOptions
        $body.options.lock_stale_seconds = 3
        $process = Start-AgentProcess -Script Delete -Body $body
        try {
            $reached = Wait-AgentCondition -TimeoutSeconds 60 -IntervalMilliseconds 100 -Condition { -not (Test-Path -LiteralPath 'C:\VMs\stray01\stray01.vhdx') }
            $reached | Should -BeTrue
            Start-Sleep -Milliseconds 1000
        } finally {
            $process.Kill()
            $process.WaitForExit()
        }
        Clear-SimFault
        Test-Path -LiteralPath $script:lockPath | Should -BeTrue
        Get-SimVmState -Id '10000000-0000-0000-0000-000000000005' | Should -Not -BeNullOrEmpty

        # The lock is fresh, but the process it names has ended: nobody holds it, so the re-run need not wait.
        $rerun = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $rerun.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $rerun)
        @($rerun.Warnings | Where-Object { $_.message -like '*process that has ended*job-interrupted*' }).Count | Should -Be 1
        $rerun.Result.files_deleted | Should -Contain 'C:\VMs\stray01\Virtual Machines\10000000-0000-0000-0000-000000000005.vmcx'
        Get-SimVmState -Id '10000000-0000-0000-0000-000000000005' | Should -BeNullOrEmpty
        Test-Path -LiteralPath 'C:\VMs\stray01\notes.txt' | Should -BeTrue
        Test-Path -LiteralPath $script:lockPath | Should -BeFalse
        Test-Path -LiteralPath 'C:\ProgramData\HvAgent\jobs\delete-10000000-0000-0000-0000-000000000005.json' | Should -BeFalse
    }
}
