# Drive letters onto sandbox folders: provider cmdlets see the host's paths, wildcard characters stay literal.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:folder = "C:\VMs\it's [odd] name"
    $script:disk = "$script:folder\Virtual Hard Disks\it's [odd] name.vhdx"
    $script:iso = 'C:\ISO\[setup] disc 1.iso'
    $scenario = New-TestScenario -VM @(
        @{ id = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a41'; name = "it's [odd] name"; path = $script:folder; hardDrives = @($script:disk); dvdDrives = @($script:iso) }
    ) -Vhd @{ $script:disk = @{} } -File @(@{ path = $script:iso; sizeBytes = 10 }, @{ path = 'D:\data\x.txt'; content = 'on d' })
    $scenario.host.drives = @('C', 'D')
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'drive mapping' {
    It 'creates one global FileSystem drive per host drive, rooted in the sandbox' {
        foreach ($letter in 'C', 'D') {
            $drive = Get-PSDrive -Name $letter -Scope Global
            $drive.Provider.Name | Should -Be 'FileSystem'
            $drive.Root | Should -Be (Join-Path -Path $script:sandbox -ChildPath $letter)
        }
        Get-Content -LiteralPath 'D:\data\x.txt' | Should -Be 'on d'
    }

    It 'resolves names with brackets, quotes and spaces literally' {
        Test-Path -LiteralPath $script:disk -PathType Leaf | Should -BeTrue
        Test-Path -LiteralPath $script:iso -PathType Leaf | Should -BeTrue
        $names = @(Get-ChildItem -LiteralPath "$script:folder\Virtual Hard Disks" | ForEach-Object -Process { $_.Name })
        $names | Should -Be @("it's [odd] name.vhdx")
        (Hyper-V\Get-VHD -Path $script:disk).Path | Should -Be $script:disk
        (Hyper-V\Get-VM -Id '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a41').Path | Should -Be $script:folder
    }

    It 'treats brackets in -Name as a wildcard pattern, as a real host does' {
        @(Hyper-V\Get-VM -Name "it's [odd] name") | Should -BeNullOrEmpty
        @(Hyper-V\Get-VM -Name "it's ``[odd``] name").Count | Should -Be 1
    }

    It 'lets Remove-Item -LiteralPath delete such a file' {
        $file = "$script:folder\[user] file.txt"
        Set-Content -LiteralPath $file -Value 'mine'
        Test-Path -LiteralPath (Get-TestRealPath -Path $file) | Should -BeTrue
        Remove-Item -LiteralPath $file
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It 'moves the drives when HVSIM_ROOT moves to another sandbox' {
        $other = New-TestHost -Scenario (New-TestScenario -File @(@{ path = 'C:\only-here.txt'; content = 'other' }))
        try {
            Hyper-V\Get-VM | Should -BeNullOrEmpty
            Test-Path -LiteralPath 'C:\only-here.txt' | Should -BeTrue
            Get-PSDrive -Name D -Scope Global -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Remove-SimSandbox -Path $other
            $env:HVSIM_ROOT = $script:sandbox
        }
        $null = Hyper-V\Get-VM
        Test-Path -LiteralPath $script:disk | Should -BeTrue
        (Get-PSDrive -Name D -Scope Global).Root | Should -Be (Join-Path -Path $script:sandbox -ChildPath 'D')
    }

    It 'maps the drives when the Hyper-V module is imported in a new process' {
        $pwsh = Get-TestPwsh
        $command = "Test-Path -LiteralPath `"$script:iso`"; Import-Module Hyper-V; Test-Path -LiteralPath `"$script:iso`""
        $output = & $pwsh -NoProfile -NonInteractive -Command $command
        $output | Should -Be @('False', 'True')
    }
}
