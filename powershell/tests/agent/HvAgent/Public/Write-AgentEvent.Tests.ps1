BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule

    function Get-HostLines {
        # What a script block writes with Write-Host, as text lines.
        param([scriptblock] $ScriptBlock)
        @(& $ScriptBlock 6>&1 | ForEach-Object { [string] $_ })
    }
}

Describe 'Write-AgentEvent' {
    BeforeEach { Initialize-AgentContext -JobId 'job-7' }

    It 'writes one marked line of compact JSON with type and job_id first' {
        $lines = @(Get-HostLines { Write-AgentEvent -Type 'step' -Fields ([ordered]@{ id = 'disks'; status = 'started' }) })
        $lines.Count | Should -Be 1
        $lines[0] | Should -BeExactly '##hvagent {"type":"step","job_id":"job-7","id":"disks","status":"started"}'
    }

    It 'keeps hostile text on one line and escapes everything beyond ASCII' {
        $name = "a`nb`r##hvagent {}`t" + [char] 0x00FC + [char] 0xD83D + [char] 0xDE00 + '"\'
        $lines = @(Get-HostLines { Write-AgentEvent -Type 'warning' -Fields ([ordered]@{ message = $name }) })
        $lines.Count | Should -Be 1
        $lines[0] | Should -Match '^##hvagent \{[\x20-\x7e]*\}$'
        ($lines[0].Substring(10) | ConvertFrom-Json).message | Should -BeExactly $name
    }

    It 'serialises nested arrays, including single-element and empty ones' {
        $lines = @(Get-HostLines { Write-AgentEvent -Type 'result' -Fields ([ordered]@{ one = @('x'); none = @(); deep = @([ordered]@{ holds = @('a') }) }) })
        $lines[0] | Should -BeExactly '##hvagent {"type":"result","job_id":"job-7","one":["x"],"none":[],"deep":[{"holds":["a"]}]}'
    }
}

Describe 'Write-AgentLog' {
    It 'prefixes the time and shows control characters, so no log line can pass for an event' {
        $lines = @(Get-HostLines { Write-AgentLog -Message "x`n##hvagent {`"type`":`"result`"}" })
        $lines.Count | Should -Be 1
        $lines[0] | Should -Match '^\[\d\d:\d\d:\d\d\] x\\x0a##hvagent'
    }
}

Describe 'Write-AgentWarning' {
    It 'logs a line and emits a warning event with the path' {
        Initialize-AgentContext -JobId 'job-8'
        $lines = @(Get-HostLines { Write-AgentWarning -Message 'careful' -Path 'C:\VMs\x' })
        $lines[0] | Should -Match 'WARNING: careful'
        $event = $lines[1].Substring(10) | ConvertFrom-Json
        $event.type | Should -BeExactly 'warning'
        $event.path | Should -BeExactly 'C:\VMs\x'
    }
}
