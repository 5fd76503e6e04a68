BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule

    function Get-StepEvents {
        param([scriptblock] $ScriptBlock)
        @(& $ScriptBlock 6>&1 | ForEach-Object { [string] $_ } | Where-Object { $_.StartsWith('##hvagent ') } |
                ForEach-Object { $_.Substring(10) | ConvertFrom-Json })
    }
}

Describe 'Invoke-AgentStep' {
    BeforeEach { Initialize-AgentContext -JobId 'j' }

    It 'emits started then succeeded with the outcome detail, ignoring other output' {
        $events = @(Get-StepEvents { Invoke-AgentStep -Id 'disks' -Name 'Disks' -Action { 'noise'; New-StepOutcome -Detail '2 deleted' } })
        $events.Count | Should -Be 2
        $events[0].status | Should -BeExactly 'started'
        $events[1].status | Should -BeExactly 'succeeded'
        $events[1].detail | Should -BeExactly '2 deleted'
        $events[1].id | Should -BeExactly 'disks'
    }

    It 'emits skipped for a skipped outcome' {
        $events = @(Get-StepEvents { Invoke-AgentStep -Id 'cluster' -Name 'Cluster' -Action { New-StepOutcome -Skipped -Detail 'not clustered' } })
        $events[1].status | Should -BeExactly 'skipped'
    }

    It 'emits failed with the message and rethrows the error tagged with the step id' {
        $caught = $null
        $events = @(Get-StepEvents {
            try {
                Invoke-AgentStep -Id 'media' -Name 'Media' -Action { throw (New-AgentError -Code 'file_locked' -Object 'C:\a.iso' -Message 'locked: C:\a.iso') }
            } catch {
                $script:caught = Get-AgentErrorInfo -ErrorRecord $_
            }
        })
        $events[1].status | Should -BeExactly 'failed'
        $events[1].detail | Should -BeExactly 'locked: C:\a.iso'
        $script:caught.step | Should -BeExactly 'media'
        $script:caught.code | Should -BeExactly 'file_locked'
        $script:caught.object | Should -BeExactly 'C:\a.iso'
    }

    It 'reports an error that is not the agent''s own as host_error with its message' {
        $info = $null
        try { Invoke-AgentStep -Id 'power' -Name 'Power' -Action { throw 'Stop-VM exploded' } 6>$null } catch { $info = Get-AgentErrorInfo -ErrorRecord $_ }
        $info.code | Should -BeExactly 'host_error'
        $info.message | Should -BeExactly 'Stop-VM exploded'
        $info.step | Should -BeExactly 'power'
    }
}

Describe 'Wait-AgentCondition' {
    It 'returns true as soon as the condition holds and false after the bound' {
        $counter = @{ n = 0 }
        Wait-AgentCondition -TimeoutSeconds 5 -IntervalMilliseconds 10 -Condition { $counter.n++; $counter.n -ge 3 } | Should -BeTrue
        $counter.n | Should -Be 3
        $started = Get-Date
        Wait-AgentCondition -TimeoutSeconds 0.2 -IntervalMilliseconds 20 -Condition { $false } | Should -BeFalse
        ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 2
    }
}
