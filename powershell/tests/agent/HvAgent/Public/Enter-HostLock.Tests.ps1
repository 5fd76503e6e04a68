# The host lock on real files: the data root is pointed at TestDrive through $env:ProgramData.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
    $script:savedProgramData = $env:ProgramData
}

AfterAll {
    $env:ProgramData = $script:savedProgramData
}

Describe 'Enter-HostLock and Exit-HostLock' {
    BeforeEach {
        $env:ProgramData = Join-Path -Path $TestDrive -ChildPath ([guid]::NewGuid().ToString('N'))
        Initialize-AgentContext -JobId 'j-1'
        $script:lockPath = Join-WindowsPath -Path (Get-AgentDataRoot) -ChildName 'host.lock'
    }

    It 'creates the lock file with the job, owner and expiry, and removes it on release' {
        $lock = Enter-HostLock -JobId 'j-1' -Owner 'alice @ ws1' -StaleSeconds 60 6>$null
        $content = Get-Content -LiteralPath $script:lockPath -Raw | ConvertFrom-Json
        $content.job_id | Should -BeExactly 'j-1'
        $content.owner | Should -BeExactly 'alice @ ws1'
        $content.token | Should -BeExactly $lock.Token
        $content.expires_at_unix | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + 50)
        Exit-HostLock 6>$null
        Test-Path -LiteralPath $script:lockPath | Should -BeFalse
    }

    It 'refuses while another job holds a fresh lock, naming that job, and leaves its lock alone' {
        Enter-HostLock -JobId 'first' -Owner 'alice' -StaleSeconds 60 6>$null | Out-Null
        $before = Get-Content -LiteralPath $script:lockPath -Raw
        Initialize-AgentContext -JobId 'second'
        $info = $null
        try { Enter-HostLock -JobId 'second' -Owner 'bob' -StaleSeconds 60 6>$null } catch { $info = Get-AgentErrorInfo -ErrorRecord $_ }
        $info.code | Should -BeExactly 'lock_held'
        $info.message | Should -Match "job 'first' of 'alice'"
        Get-Content -LiteralPath $script:lockPath -Raw | Should -BeExactly $before
        Exit-HostLock 6>$null
        Test-Path -LiteralPath $script:lockPath | Should -BeTrue
    }

    It 'takes over a stale lock with a warning event' {
        New-Item -ItemType Directory -Path (Get-AgentDataRoot) -Force | Out-Null
        $stale = @{ job_id = 'old'; owner = 'carol'; token = 'x'; started_at = '2020-01-01T00:00:00Z'; expires_at_unix = 1000 } | ConvertTo-Json -Compress
        Set-Content -LiteralPath $script:lockPath -Value $stale
        $lines = @(Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>&1 | ForEach-Object { [string] $_ })
        @($lines | Where-Object { $_ -like '##hvagent *"warning"*stale host lock*old*' }).Count | Should -Be 1
        (Get-Content -LiteralPath $script:lockPath -Raw | ConvertFrom-Json).job_id | Should -BeExactly 'j-1'
        Exit-HostLock 6>$null
    }

    It 'takes over a fresh lock whose process on this computer has ended (a killed PowerShell), with a warning' {
        New-Item -ItemType Directory -Path (Get-AgentDataRoot) -Force | Out-Null
        $gone = [int]::MaxValue - 7
        $orphan = @{ job_id = 'killed'; owner = 'dave'; token = 'y'; started_at = '2026-01-01T00:00:00Z'
            expires_at_unix = 9999999999; process_id = $gone; computer = [string] $env:COMPUTERNAME } | ConvertTo-Json -Compress
        Set-Content -LiteralPath $script:lockPath -Value $orphan
        $lines = @(Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>&1 | ForEach-Object { [string] $_ })
        @($lines | Where-Object { $_ -like '##hvagent *"warning"*process that has ended*killed*' }).Count | Should -Be 1
        (Get-Content -LiteralPath $script:lockPath -Raw | ConvertFrom-Json).job_id | Should -BeExactly 'j-1'
        Exit-HostLock 6>$null
        # The same lock from another computer, or naming a live process, is still held.
        foreach ($holder in @(@{ process_id = $gone; computer = 'OTHER-NODE' }, @{ process_id = $PID; computer = [string] $env:COMPUTERNAME })) {
            $lock = @{ job_id = 'busy'; owner = 'erin'; token = 'z'; started_at = '2026-01-01T00:00:00Z'; expires_at_unix = 9999999999 }
            Set-Content -LiteralPath $script:lockPath -Value (($lock + $holder) | ConvertTo-Json -Compress)
            { Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>$null } | Should -Throw -ExpectedMessage "*job 'busy'*"
        }
    }

    It 'counts an unreadable lock file as held until it is older than the stale time' {
        New-Item -ItemType Directory -Path (Get-AgentDataRoot) -Force | Out-Null
        Set-Content -LiteralPath $script:lockPath -Value '{not json'
        { Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>$null } | Should -Throw -ExpectedMessage '*unreadable lock file*'
        (Get-Item -LiteralPath $script:lockPath).LastWriteTimeUtc = [datetime]::UtcNow.AddHours(-1)
        Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>$null | Out-Null
        Exit-HostLock 6>$null
        Test-Path -LiteralPath $script:lockPath | Should -BeFalse
    }

    It 'stops a job whose lock was taken over, at its next step' {
        Enter-HostLock -JobId 'j-1' -Owner 'alice' -StaleSeconds 60 6>$null | Out-Null
        Set-Content -LiteralPath $script:lockPath -Value (@{ job_id = 'thief'; token = 'other'; expires_at_unix = 9999999999 } | ConvertTo-Json -Compress)
        { Invoke-AgentStep -Id 'disks' -Name 'Disks' -Action { New-StepOutcome } 6>$null } | Should -Throw -ExpectedMessage '*taken over*'
        (Get-Content -LiteralPath $script:lockPath -Raw | ConvertFrom-Json).job_id | Should -BeExactly 'thief'
    }
}
