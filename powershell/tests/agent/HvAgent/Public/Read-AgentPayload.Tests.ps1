BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule

    function ConvertTo-TestPayload {
        param([string] $Json)
        [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Json))
    }
    function Get-PayloadError {
        # The error info of a payload that must be refused.
        param([object[]] $InputObject, [string] $Kind = 'delete')
        try {
            Read-AgentPayload -InputObject $InputObject -Kind $Kind | Out-Null
        } catch {
            return Get-AgentErrorInfo -ErrorRecord $_
        }
        throw 'the payload was accepted'
    }
    $script:valid = [ordered]@{
        job_id = 'j-1'; vm_id = '2C3E0000-AAAA-BBBB-CCCC-000000000001'; vm_name = "we'b `$(x) ; 01"; force = $true
        mode = 'plan'; requested_by = 'ALICE'; control_plane = 'WS01'
    }
}

Describe 'Read-AgentPayload' {
    It 'decodes a valid delete payload, lower-cases the id and fills in the default options' {
        $payload = Read-AgentPayload -InputObject @(ConvertTo-TestPayload -Json ($script:valid | ConvertTo-Json -Compress)) -Kind 'delete'
        $payload.vm_id | Should -BeExactly '2c3e0000-aaaa-bbbb-cccc-000000000001'
        $payload.vm_name | Should -BeExactly "we'b `$(x) ; 01"
        $payload.force | Should -BeTrue
        $payload.options.file_retry_attempts | Should -Be 10
        $payload.options.lock_stale_seconds | Should -Be 900
    }

    It 'joins payload text split across pipeline items (stdin lines) and ignores surrounding whitespace' {
        $text = ConvertTo-TestPayload -Json ($script:valid | ConvertTo-Json -Compress)
        $payload = Read-AgentPayload -InputObject @($text.Substring(0, 10), ($text.Substring(10) + "`r`n")) -Kind 'delete'
        $payload.job_id | Should -BeExactly 'j-1'
    }

    It 'defaults force to false and takes options given' {
        $body = [ordered]@{} + $script:valid
        $body.Remove('force')
        $body['options'] = @{ file_retry_delay_ms = 50; merge_timeout_seconds = 5 }
        $payload = Read-AgentPayload -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress)) -Kind 'delete'
        $payload.force | Should -BeFalse
        $payload.options.file_retry_delay_ms | Should -Be 50
        $payload.options.merge_timeout_seconds | Should -Be 5
    }

    It 'refuses <Case>' -TestCases @(
        @{ Case = 'not base64'; Text = 'not base64!'; Json = $null; Pattern = 'base64' }
        @{ Case = 'not JSON'; Text = $null; Json = '{"job_id": '; Pattern = 'JSON' }
        @{ Case = 'a JSON array'; Text = $null; Json = '[1,2]'; Pattern = 'object' }
        @{ Case = 'JSON null'; Text = $null; Json = 'null'; Pattern = 'object' }
        @{ Case = 'a JSON string'; Text = $null; Json = '"x"'; Pattern = 'object' }
        @{ Case = 'invalid UTF-8'; Text = 'e8MofQ=='; Json = $null; Pattern = 'UTF-8' }
    ) {
        if ($null -ne $Json) { $Text = ConvertTo-TestPayload -Json $Json }
        $info = Get-PayloadError -InputObject @($Text)
        $info.code | Should -BeExactly 'invalid_payload'
        $info.message | Should -Match $Pattern
    }

    It 'refuses an empty payload' {
        $info = Get-PayloadError -InputObject @('   ')
        $info.code | Should -BeExactly 'invalid_payload'
        $info.message | Should -Match 'no payload'
    }

    It 'names the field when <Field> is <Case>' -TestCases @(
        @{ Field = 'job_id'; Case = 'missing'; Value = $null; Remove = $true }
        @{ Field = 'job_id'; Case = 'a number'; Value = 5; Remove = $false }
        @{ Field = 'job_id'; Case = 'too long'; Value = ('x' * 129); Remove = $false }
        @{ Field = 'vm_id'; Case = 'not a GUID'; Value = 'web01'; Remove = $false }
        @{ Field = 'vm_id'; Case = 'a braced GUID'; Value = '{2c3e0000-aaaa-bbbb-cccc-000000000001}'; Remove = $false }
        @{ Field = 'vm_name'; Case = 'empty'; Value = ''; Remove = $false }
        @{ Field = 'vm_name'; Case = 'missing'; Value = $null; Remove = $true }
        @{ Field = 'force'; Case = 'a string'; Value = 'yes'; Remove = $false }
        @{ Field = 'mode'; Case = 'unknown'; Value = 'destroy'; Remove = $false }
        @{ Field = 'mode'; Case = 'differently cased'; Value = 'PLAN'; Remove = $false }
        @{ Field = 'mode'; Case = 'missing'; Value = $null; Remove = $true }
        @{ Field = 'requested_by'; Case = 'missing'; Value = $null; Remove = $true }
        @{ Field = 'control_plane'; Case = 'an object'; Value = @{ a = 1 }; Remove = $false }
    ) {
        $body = [ordered]@{} + $script:valid
        if ($Remove) { $body.Remove($Field) } else { $body[$Field] = $Value }
        $info = Get-PayloadError -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress -Depth 5))
        $info.code | Should -BeExactly 'invalid_payload'
        $info.field | Should -BeExactly $Field
        $info.message | Should -Match ([regex]::Escape("'$Field'"))
    }

    It 'names the option when options.<Name> is <Case>' -TestCases @(
        @{ Name = 'file_retry_attempts'; Case = 'zero'; Value = 0 }
        @{ Name = 'file_retry_delay_ms'; Case = 'a fraction'; Value = 1.5 }
        @{ Name = 'lock_stale_seconds'; Case = 'a string'; Value = '60' }
        @{ Name = 'state_timeout_seconds'; Case = 'negative'; Value = -1 }
    ) {
        $body = [ordered]@{} + $script:valid
        $body['options'] = @{ $Name = $Value }
        $info = Get-PayloadError -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress -Depth 5))
        $info.field | Should -BeExactly "options.$Name"
    }

    It 'refuses options that are not an object' {
        $body = [ordered]@{} + $script:valid
        $body['options'] = 'fast'
        (Get-PayloadError -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress))).field | Should -BeExactly 'options'
    }

    It 'requires action for a lifecycle payload and accepts only the four actions' {
        $body = [ordered]@{ job_id = 'j'; vm_id = $script:valid.vm_id; vm_name = 'a'; requested_by = 'u'; control_plane = 'w'; action = 'reboot' }
        (Get-PayloadError -Kind 'lifecycle' -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress))).field | Should -BeExactly 'action'
        $body.action = 'save'
        (Read-AgentPayload -Kind 'lifecycle' -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress))).action | Should -BeExactly 'save'
    }

    It 'needs no VM for an inventory payload' {
        $body = [ordered]@{ job_id = 'j'; requested_by = 'u'; control_plane = 'w' }
        (Read-AgentPayload -Kind 'inventory' -InputObject @(ConvertTo-TestPayload -Json ($body | ConvertTo-Json -Compress))).job_id | Should -BeExactly 'j'
    }
}
