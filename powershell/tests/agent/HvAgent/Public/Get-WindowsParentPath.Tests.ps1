BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'Get-WindowsParentPath' {
    It 'gives the parent of <Given> as <Expected>' -TestCases @(
        @{ Given = 'C:\VMs\web01\Virtual Hard Disks\web01.vhdx'; Expected = 'C:\VMs\web01\Virtual Hard Disks' }
        @{ Given = 'C:\VMs'; Expected = 'C:\' }
        @{ Given = 'C:\'; Expected = '' }
        @{ Given = '\\srv\share\VMs'; Expected = '\\srv\share' }
        @{ Given = '\\srv\share'; Expected = '' }
        @{ Given = 'C:/VMs/web01/'; Expected = 'C:\VMs' }
    ) {
        Get-WindowsParentPath -Path $Given | Should -BeExactly $Expected
    }
}

Describe 'Get-WindowsLeafName' {
    It 'gives the last segment of <Given> as <Expected>' -TestCases @(
        @{ Given = 'C:\VMs\web01\web01.vhdx'; Expected = 'web01.vhdx' }
        @{ Given = 'C:\VMs\web01\'; Expected = 'web01' }
        @{ Given = 'C:\'; Expected = '' }
        @{ Given = 'C:\VMs\a;b $(x) `c'; Expected = 'a;b $(x) `c' }
    ) {
        Get-WindowsLeafName -Path $Given | Should -BeExactly $Expected
    }
}

Describe 'Join-WindowsPath' {
    It 'joins with exactly one backslash' {
        Join-WindowsPath -Path 'C:\VMs\' -ChildName 'web01' | Should -BeExactly 'C:\VMs\web01'
        Join-WindowsPath -Path 'C:\' -ChildName 'VMs' | Should -BeExactly 'C:\VMs'
        Join-WindowsPath -Path 'C:\VMs' -ChildName '' | Should -BeExactly 'C:\VMs'
    }
}

Describe 'Test-WindowsRootPath' {
    It 'is true for drive and share roots only' -TestCases @(
        @{ Given = 'C:\'; Expected = $true }
        @{ Given = 'c:'; Expected = $true }
        @{ Given = '\\srv\share\'; Expected = $true }
        @{ Given = 'C:\ClusterStorage'; Expected = $false }
        @{ Given = '\\srv\share\VMs'; Expected = $false }
        @{ Given = ''; Expected = $false }
    ) {
        Test-WindowsRootPath -Path $Given | Should -Be $Expected
    }
}
