# File operations on real files (TestDrive); locked files are covered against the simulator.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'Remove-AgentFile' {
    It 'deletes a file whose name holds wildcard characters, and only that file' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'w'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'a[1].iso') -Value 'x'
        Set-Content -LiteralPath (Join-Path $folder 'a1.iso') -Value 'x'
        Remove-AgentFile -Path (Join-Path $folder 'a[1].iso') -Attempts 1 -DelayMilliseconds 0 | Should -BeExactly 'deleted'
        @(Get-ChildItem -LiteralPath $folder).Name | Should -Be @('a1.iso')
    }

    It 'reports an absent file as already gone' {
        Remove-AgentFile -Path (Join-Path $TestDrive 'missing.vhdx') -Attempts 1 -DelayMilliseconds 0 | Should -BeExactly 'absent'
    }
}

Describe 'Remove-AgentEmptyFolder' {
    It 'removes an empty folder and keeps one with a hidden file, naming what it holds' {
        $empty = Join-Path -Path $TestDrive -ChildPath 'empty'
        $full = Join-Path -Path $TestDrive -ChildPath 'full'
        New-Item -ItemType Directory -Path $empty, $full | Out-Null
        Set-Content -LiteralPath (Join-Path $full '.hidden') -Value 'x'
        (Remove-AgentEmptyFolder -Path $empty -Attempts 1 -DelayMilliseconds 0).Status | Should -BeExactly 'removed'
        Test-Path -LiteralPath $empty | Should -BeFalse
        $kept = Remove-AgentEmptyFolder -Path $full -Attempts 1 -DelayMilliseconds 0
        $kept.Status | Should -BeExactly 'kept'
        $kept.Holds | Should -Be @('.hidden')
        Test-Path -LiteralPath (Join-Path $full '.hidden') | Should -BeTrue
    }
}

Describe 'Get-FolderEntries' {
    It 'lists recursively with paths built from the given path, never the provider''s own' {
        $root = Join-Path -Path $TestDrive -ChildPath 'tree'
        New-Item -ItemType Directory -Path (Join-Path $root 'sub') -Force | Out-Null
        Set-Content -LiteralPath (Join-Path $root 'sub/f.txt') -Value 'abc' -NoNewline
        $entries = @(Get-FolderEntries -Path $root -Recurse)
        $file = $entries | Where-Object { $_.Name -eq 'f.txt' }
        $file.Path | Should -BeExactly ((ConvertTo-WindowsPath -Path $root) + '\sub\f.txt')
        $file.Size | Should -Be 3
        ($entries | Where-Object { $_.Name -eq 'sub' }).IsDirectory | Should -BeTrue
    }
}
