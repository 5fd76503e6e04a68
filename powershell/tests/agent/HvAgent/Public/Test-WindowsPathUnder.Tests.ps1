BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'Test-WindowsPathUnder' {
    It '<Path> under <Folder> is <Expected>' -TestCases @(
        @{ Path = 'C:\VMs\web01\a.vhdx'; Folder = 'c:\vms'; Expected = $true }
        @{ Path = 'C:\VMs\web010'; Folder = 'C:\VMs\web01'; Expected = $false }
        @{ Path = 'C:\VMs\web01'; Folder = 'C:\VMs\web01'; Expected = $false }
        @{ Path = 'C:\anything'; Folder = 'C:\'; Expected = $true }
        @{ Path = 'D:\VMs'; Folder = 'C:\'; Expected = $false }
        @{ Path = 'C:\VMs'; Folder = 'C:\VMs\web01'; Expected = $false }
        @{ Path = ''; Folder = 'C:\'; Expected = $false }
    ) {
        Test-WindowsPathUnder -Path $Path -Folder $Folder | Should -Be $Expected
    }

    It 'includes the folder itself with -OrEqual' {
        Test-WindowsPathUnder -Path 'C:\VMs\WEB01' -Folder 'C:\VMs\web01' -OrEqual | Should -BeTrue
    }
}
