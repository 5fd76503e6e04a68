# Bad input: hostile VM names are data (never code), malformed payloads change nothing, and the real process
# boundary (base64 payload on standard input of pwsh -File) works.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment

    $script:canary = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('hvagent-canary-' + [guid]::NewGuid().ToString('N'))
    # Each name would create the canary file if any code path evaluated it.
    $script:hostile = [ordered]@{
        quotes    = "q'uo`"te''s"
        subexpr   = "`$(New-Item -ItemType File -Path '$($script:canary)-1')"
        backtick  = '`$(New-Item -ItemType File -Path ''' + $script:canary + '-2'')` and `` `n'
        semicolon = "x'; New-Item -ItemType File -Path '$($script:canary)-3'; '"
        newline   = "line1`n##hvagent {`"type`":`"result`",`"status`":`"succeeded`"}`r`n`$(New-Item -ItemType File -Path '$($script:canary)-4')"
        # 'Omega-Strasse-Nihon-smiley' in Greek, German, Japanese and an emoji (kept ASCII in this file).
        unicode   = [string] [char] 0x03A9 + 'mega-Stra' + [char] 0x00DF + 'e-' + [char] 0x65E5 + [char] 0x672C + '-' + [char]::ConvertFromUtf32(0x1F600)
        long      = 'L' * 255
        wildcard  = 'web*[1]?'
    }
    # Names that are valid file names get a provisioning ISO named for them, which the delete must sweep.
    $script:withIso = @('quotes', 'unicode', 'wildcard')

    function New-HostileScenario {
        $scenario = [ordered]@{
            format = 1; host = @{ computerName = 'HV01'; drives = @('C') }; cluster = $null
            behaviour = @{ releaseDelayMs = 100; mergeDelayMs = 200; transitionDelayMs = 100 }
            vhds = [ordered]@{}; files = @(); vms = @()
        }
        $index = 0
        foreach ($key in $script:hostile.Keys) {
            $index++
            $folder = "C:\VMs\h$index"
            $scenario.vhds["$folder\h$index.vhdx"] = @{ vhdType = 'Dynamic' }
            $vm = [ordered]@{ id = ('40000000-0000-0000-0000-{0:d12}' -f $index); name = $script:hostile[$key]; state = 'Off'; path = $folder; hardDrives = @("$folder\h$index.vhdx") }
            $scenario.vms += $vm
            if ($script:withIso -contains $key) { $scenario.files += @{ path = "C:\VMs\$($script:hostile[$key]).iso"; content = 'seed' } }
        }
        # A decoy ISO a wildcard match of 'web*[1]?' would take.
        $scenario.files += @{ path = 'C:\VMs\webX1Y.iso'; content = 'not for the hostile VM' }
        $scenario
    }

    function Get-HostileCase {
        param([string] $Key)
        $index = [array]::IndexOf(@($script:hostile.Keys), $Key) + 1
        @{ Id = ('40000000-0000-0000-0000-{0:d12}' -f $index); Name = $script:hostile[$Key]; Folder = "C:\VMs\h$index" }
    }

    function Assert-CleanOutput {
        # Every marked line is a whole event of this job, there is exactly one result, and no canary exists.
        param($Run, [string] $JobId)
        foreach ($line in $Run.Lines | Where-Object { $_.StartsWith('##hvagent') }) {
            $event = $line.Substring(10) | ConvertFrom-Json
            $event.job_id | Should -BeExactly $JobId
        }
        @($Run.Events | Where-Object { $_.type -eq 'result' }).Count | Should -Be 1
        @(Get-ChildItem -Path ($script:canary + '*') -ErrorAction SilentlyContinue).Count | Should -Be 0
        Test-Path -LiteralPath 'C:\canary.txt' | Should -BeFalse
    }
}

AfterAll {
    Get-ChildItem -Path ($script:canary + '*') -ErrorAction SilentlyContinue | Remove-Item -Force
}

Describe 'Hostile VM names are data' {
    BeforeAll { $script:sandbox = New-TestSandbox -Scenario (New-HostileScenario) }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'plans and deletes the VM named <Key> without running any of its name' -TestCases @(
        @{ Key = 'quotes' }, @{ Key = 'subexpr' }, @{ Key = 'backtick' }, @{ Key = 'semicolon' }, @{ Key = 'unicode' }, @{ Key = 'long' }, @{ Key = 'wildcard' }
    ) {
        $case = Get-HostileCase -Key $Key
        $plan = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $case.Id -VmName $case.Name -Mode 'plan' -JobId "plan-$Key")
        $plan.ExitCode | Should -Be 0
        $plan.Plan.vm.name | Should -BeExactly $case.Name
        Assert-CleanOutput -Run $plan -JobId "plan-$Key"
        $run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $case.Id -VmName $case.Name -JobId "run-$Key")
        $run.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $run)
        Assert-CleanOutput -Run $run -JobId "run-$Key"
        Get-SimVmState -Id $case.Id | Should -BeNullOrEmpty
        Test-Path -LiteralPath $case.Folder | Should -BeFalse
        if ($script:withIso -contains $Key) {
            $run.Result.files_deleted | Should -Contain "C:\VMs\$($case.Name).iso"
        }
    }

    It 'keeps the decoy ISO a wildcard reading of a name would have matched' {
        Test-Path -LiteralPath 'C:\VMs\webX1Y.iso' | Should -BeTrue
    }

    It 'keeps a name with a newline and a fake event on one log line, across the real process boundary' {
        $case = Get-HostileCase -Key 'newline'
        $run = Invoke-AgentProcess -Script Delete -Body (New-DeletePayload -VmId $case.Id -VmName $case.Name -JobId 'run-newline')
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        Assert-CleanOutput -Run $run -JobId 'run-newline'
        $run.Result.vm.name | Should -BeExactly $case.Name
        @($run.Lines | Where-Object { $_ -like '*line1\x0a##hvagent*' }).Count | Should -BeGreaterThan 0
        Get-SimVmState -Id $case.Id | Should -BeNullOrEmpty
    }
}

Describe 'Malformed and incomplete payloads' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'delete-host'
        $script:before = Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'refuses <Case> with exit code 2 and an invalid_payload result, changing nothing' -TestCases @(
        @{ Case = 'text that is not base64'; Raw = 'this is not base64!'; Body = $null }
        @{ Case = 'base64 of text that is not JSON'; Raw = 'aGVsbG8gd29ybGQ='; Body = $null }
        @{ Case = 'a JSON array'; Raw = 'WzEsMiwzXQ=='; Body = $null }
        @{ Case = 'a payload without vm_id'; Raw = $null; Body = [ordered]@{ job_id = 'j'; vm_name = 'web01'; mode = 'execute'; requested_by = 'u'; control_plane = 'w' } }
        @{ Case = 'a payload with force as a string'; Raw = $null; Body = [ordered]@{ job_id = 'j'; vm_id = '10000000-0000-0000-0000-000000000001'; vm_name = 'web01'; force = 'true'; mode = 'execute'; requested_by = 'u'; control_plane = 'w' } }
        @{ Case = 'a payload with an unknown mode'; Raw = $null; Body = [ordered]@{ job_id = 'j'; vm_id = '10000000-0000-0000-0000-000000000001'; vm_name = 'web01'; mode = 'delete'; requested_by = 'u'; control_plane = 'w' } }
    ) {
        if ($Body) { $run = Invoke-AgentJob -Script Delete -Body $Body } else { $run = Invoke-AgentJob -Script Delete -RawPayload $Raw }
        $run.ExitCode | Should -Be 2
        $run.Result.status | Should -BeExactly 'failed'
        $run.Result.error.code | Should -BeExactly 'invalid_payload'
        @($run.Steps).Count | Should -Be 0
        $diff = Compare-SandboxSnapshot -Before $script:before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }

    It 'names the missing field' {
        $run = Invoke-AgentJob -Script Delete -Body ([ordered]@{ job_id = 'j'; vm_id = '10000000-0000-0000-0000-000000000001'; mode = 'plan'; requested_by = 'u'; control_plane = 'w' })
        $run.Result.error.field | Should -BeExactly 'vm_name'
        $run.Result.error.message | Should -BeExactly "payload field 'vm_name' is required"
    }

    It 'refuses an empty standard input in a real process with exit code 2' {
        $run = Invoke-AgentProcess -Script Delete -RawPayload ''
        $run.ExitCode | Should -Be 2
        $run.Result.error.code | Should -BeExactly 'invalid_payload'
        $run.Result.error.message | Should -BeLike 'no payload*'
    }

    It 'plans from a base64 payload on standard input in a real process' {
        $run = Invoke-AgentProcess -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000001' -VmName 'web01' -Mode 'plan')
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdErr | Should -BeNullOrEmpty
        @($run.Plan.files_to_delete).Count | Should -Be 8
        $diff = Compare-SandboxSnapshot -Before $script:before -After (Get-SandboxSnapshot -Sandbox $script:sandbox -IncludeAgentData)
        $diff.Removed + $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }
}
