BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'ConvertTo-WindowsPath' {
    It 'normalises <Given> to <Expected>' -TestCases @(
        @{ Given = 'c:/VMs//web01/'; Expected = 'C:\VMs\web01' }
        @{ Given = 'C:\VMs\.\web01\x\..'; Expected = 'C:\VMs\web01' }
        @{ Given = 'C:'; Expected = 'C:\' }
        @{ Given = 'C:\'; Expected = 'C:\' }
        @{ Given = 'C:\..\..'; Expected = 'C:\' }
        @{ Given = '\\srv\share\VMs\'; Expected = '\\srv\share\VMs' }
        @{ Given = '\\srv\share\..\..'; Expected = '\\srv\share' }
        @{ Given = 'C:\ClusterStorage\Volume1\web01\Virtual Hard Disks\web01.vhdx'; Expected = 'C:\ClusterStorage\Volume1\web01\Virtual Hard Disks\web01.vhdx' }
        @{ Given = 'C:\VMs\[x]*?'; Expected = 'C:\VMs\[x]*?' }
    ) {
        ConvertTo-WindowsPath -Path $Given | Should -BeExactly $Expected
    }

    It 'keeps the case of names (only the drive letter is upper-cased)' {
        ConvertTo-WindowsPath -Path 'd:\Mixed\Case' | Should -BeExactly 'D:\Mixed\Case'
    }

    It 'gives an empty string for null or empty' {
        ConvertTo-WindowsPath -Path $null | Should -BeExactly ''
        ConvertTo-WindowsPath -Path '' | Should -BeExactly ''
    }
}

Describe 'Get-WindowsPathKey and Test-WindowsPathEqual' {
    It 'compares case-insensitively after normalising' {
        Test-WindowsPathEqual -Path 'c:/vms/WEB01/' -OtherPath 'C:\VMs\web01' | Should -BeTrue
        Get-WindowsPathKey -Path 'c:\vms\web01' | Should -BeExactly 'C:\VMS\WEB01'
    }

    It 'does not equate different names or an empty path' {
        Test-WindowsPathEqual -Path 'C:\VMs\web01' -OtherPath 'C:\VMs\web010' | Should -BeFalse
        Test-WindowsPathEqual -Path '' -OtherPath '' | Should -BeFalse
    }
}
