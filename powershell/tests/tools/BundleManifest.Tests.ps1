# The bundle manifest: what Get-BundleManifest computes (checked against hashes computed here independently),
# that Update-BundleManifest.ps1 writes it deterministically, and that Test-BundleManifest sees every change.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../tools/BundleTools/BundleTools.psd1') -Force
    $updateScript = Join-Path -Path $PSScriptRoot -ChildPath '../../tools/Update-BundleManifest.ps1'
    $fixtureBundle = Join-Path -Path $PSScriptRoot -ChildPath 'fixtures/bundle'

    function New-BundleCopy {
        $target = Join-Path -Path $TestDrive -ChildPath ([guid]::NewGuid().ToString('n'))
        Copy-Item -LiteralPath $fixtureBundle -Destination $target -Recurse
        $target
    }
    function Get-Sha256([byte[]] $Bytes) {
        [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($Bytes)).ToLowerInvariant()
    }
    function Update-Manifest([string] $BundlePath) {
        & $updateScript -BundlePath $BundlePath 6> $null
    }
}

Describe 'Get-BundleManifest' {
    BeforeEach {
        $bundle = New-BundleCopy
    }

    It 'lists every file but the manifest, sorted by path, with the SHA-256 and size of its bytes' {
        Update-Manifest -BundlePath $bundle   # the manifest file itself must not be listed
        $manifest = Get-BundleManifest -BundlePath $bundle
        $manifest.bundle | Should -Be 'hvagent'
        $manifest.files.path | Should -Be @('HvAgent/HvAgent.psd1', 'HvAgent/HvAgent.psm1', 'HvAgent/Public/Get-FixtureGreeting.ps1', 'Invoke-FixtureJob.ps1')
        foreach ($entry in $manifest.files) {
            $bytes = [System.IO.File]::ReadAllBytes((Join-Path -Path $bundle -ChildPath $entry.path))
            $entry.sha256 | Should -Be (Get-Sha256 -Bytes $bytes)
            $entry.bytes | Should -Be $bytes.Length
        }
    }

    It 'hashes bytes as they are: CRLF is not normalised' {
        $path = Join-Path -Path $bundle -ChildPath 'Invoke-FixtureJob.ps1'
        $crlf = [System.Text.Encoding]::ASCII.GetBytes("line one`r`nline two`r`n")
        [System.IO.File]::WriteAllBytes($path, $crlf)
        $entry = (Get-BundleManifest -BundlePath $bundle).files | Where-Object -FilterScript { $_.path -eq 'Invoke-FixtureJob.ps1' }
        $entry.sha256 | Should -Be (Get-Sha256 -Bytes $crlf)
        $entry.bytes | Should -Be 20
    }

    It 'includes hidden files and files in nested folders, with forward slashes' {
        New-Item -Path (Join-Path -Path $bundle -ChildPath 'HvAgent/Private/deep') -ItemType Directory | Out-Null
        Set-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/Private/deep/.hidden') -Value 'x'
        (Get-BundleManifest -BundlePath $bundle).files.path | Should -Contain 'HvAgent/Private/deep/.hidden'
    }

    It 'versions the bundle as ModuleVersion + the first 12 hex of the sha256sum-style content hash' {
        $manifest = Get-BundleManifest -BundlePath $bundle
        $text = ($manifest.files | ForEach-Object -Process { "$($_.sha256)  $($_.path)`n" }) -join ''
        $contentHash = Get-Sha256 -Bytes ([System.Text.Encoding]::UTF8.GetBytes($text))
        $manifest.version | Should -Be "1.2.3+$($contentHash.Substring(0, 12))"
    }

    It 'changes the version when any file changes, and only then' {
        $before = (Get-BundleManifest -BundlePath $bundle).version
        (Get-BundleManifest -BundlePath $bundle).version | Should -Be $before
        Add-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/HvAgent.psm1') -Value '# changed'
        (Get-BundleManifest -BundlePath $bundle).version | Should -Not -Be $before
    }

    It 'refuses a bundle without HvAgent/HvAgent.psd1' {
        Remove-Item -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/HvAgent.psd1')
        { Get-BundleManifest -BundlePath $bundle } | Should -Throw -ExpectedMessage '*HvAgent.psd1*'
    }
}

Describe 'Update-BundleManifest.ps1' {
    It 'writes byte-identical manifests for the same tree: UTF-8 without BOM, LF only, final newline' {
        $first = New-BundleCopy
        $second = New-BundleCopy
        (Get-Item -LiteralPath (Join-Path -Path $second -ChildPath 'Invoke-FixtureJob.ps1')).LastWriteTimeUtc = [datetime]::new(2001, 1, 1, 0, 0, 0, [System.DateTimeKind]::Utc)
        Update-Manifest -BundlePath $first
        $firstBytes = [System.IO.File]::ReadAllBytes((Join-Path -Path $first -ChildPath 'bundle.manifest.json'))
        Update-Manifest -BundlePath $first
        $againBytes = [System.IO.File]::ReadAllBytes((Join-Path -Path $first -ChildPath 'bundle.manifest.json'))
        Update-Manifest -BundlePath $second
        $secondBytes = [System.IO.File]::ReadAllBytes((Join-Path -Path $second -ChildPath 'bundle.manifest.json'))

        $againBytes | Should -Be $firstBytes
        $secondBytes | Should -Be $firstBytes
        $firstBytes[0] | Should -Be ([byte][char]'{')
        $firstBytes | Should -Not -Contain ([byte] 13)
        $firstBytes[-1] | Should -Be ([byte] 10)
        $firstBytes[-2] | Should -Be ([byte][char]'}')
    }

    It 'writes JSON the control plane can read: bundle, version, files' {
        $bundle = New-BundleCopy
        Update-Manifest -BundlePath $bundle
        $json = Get-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'bundle.manifest.json') -Raw | ConvertFrom-Json
        $json.bundle | Should -Be 'hvagent'
        $json.version | Should -Match '^1\.2\.3\+[0-9a-f]{12}$'
        $json.files.Count | Should -Be 4
        $json.files[0].sha256 | Should -Match '^[0-9a-f]{64}$'
    }
}

Describe 'Test-BundleManifest' {
    BeforeEach {
        $bundle = New-BundleCopy
        Update-Manifest -BundlePath $bundle
    }

    It 'returns nothing for a current manifest' {
        Test-BundleManifest -BundlePath $bundle | Should -BeNullOrEmpty
    }

    It 'reports a changed file, and the stale version' {
        Add-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/Public/Get-FixtureGreeting.ps1') -Value '# edited'
        $differences = @(Test-BundleManifest -BundlePath $bundle)
        $differences.Kind | Should -Be @('Changed', 'Version')
        $differences[0].Path | Should -Be 'HvAgent/Public/Get-FixtureGreeting.ps1'
        $differences[0].Message | Should -Match 'HvAgent/Public/Get-FixtureGreeting.ps1: manifest has sha256 [0-9a-f]{64}'
    }

    It 'reports a file that is gone' {
        Remove-Item -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/HvAgent.psm1')
        $differences = @(Test-BundleManifest -BundlePath $bundle)
        $differences.Kind | Should -Be @('Removed', 'Version')
        $differences[0].Message | Should -Be 'HvAgent/HvAgent.psm1: in the manifest but not on disk'
    }

    It 'reports an extra file' {
        Set-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'HvAgent/Extra.ps1') -Value '# new'
        $differences = @(Test-BundleManifest -BundlePath $bundle)
        $differences.Kind | Should -Be @('Added', 'Version')
        $differences[0].Message | Should -Be 'HvAgent/Extra.ps1: on disk but not in the manifest'
    }

    It 'reports a missing manifest' {
        Remove-Item -LiteralPath (Join-Path -Path $bundle -ChildPath 'bundle.manifest.json')
        (Test-BundleManifest -BundlePath $bundle).Kind | Should -Be 'ManifestMissing'
    }

    It 'reports a manifest that is not JSON' {
        Set-Content -LiteralPath (Join-Path -Path $bundle -ChildPath 'bundle.manifest.json') -Value '{ not json'
        (Test-BundleManifest -BundlePath $bundle).Kind | Should -Be 'ManifestUnreadable'
    }

    It 'reports the right content written differently (CRLF line endings)' {
        $path = Join-Path -Path $bundle -ChildPath 'bundle.manifest.json'
        $text = [System.IO.File]::ReadAllText($path).Replace("`n", "`r`n")
        [System.IO.File]::WriteAllText($path, $text)
        (Test-BundleManifest -BundlePath $bundle).Kind | Should -Be 'Format'
    }

    It 'reports a hand-edited version' {
        $path = Join-Path -Path $bundle -ChildPath 'bundle.manifest.json'
        $text = [System.IO.File]::ReadAllText($path) -replace '"version": "1\.2\.3\+', '"version": "9.9.9+'
        [System.IO.File]::WriteAllText($path, $text)
        (Test-BundleManifest -BundlePath $bundle).Kind | Should -Be 'Version'
    }
}
