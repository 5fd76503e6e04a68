BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'Test-IsoNamedForVm' {
    It '<File> is named for VM <Vm>: <Expected>' -TestCases @(
        @{ File = 'web01.iso'; Vm = 'web01'; Expected = $true }
        @{ File = 'WEB01.ISO'; Vm = 'web01'; Expected = $true }
        @{ File = 'web01-cidata.iso'; Vm = 'web01'; Expected = $true }
        @{ File = 'web01_unattend.iso'; Vm = 'web01'; Expected = $true }
        @{ File = 'web010.iso'; Vm = 'web01'; Expected = $false }
        @{ File = 'web01-cidata.img'; Vm = 'web01'; Expected = $false }
        @{ File = 'xweb01.iso'; Vm = 'web01'; Expected = $false }
        @{ File = 'anything.iso'; Vm = '*'; Expected = $false }
        @{ File = 'ab.iso'; Vm = 'a?'; Expected = $false }
        @{ File = 'a[1].iso'; Vm = 'a[1]'; Expected = $true }
        @{ File = 'a1.iso'; Vm = 'a[1]'; Expected = $false }
        @{ File = 'web01.iso'; Vm = ''; Expected = $false }
    ) {
        Test-IsoNamedForVm -FileName $File -VmName $Vm | Should -Be $Expected
    }
}

Describe 'Test-ProvisioningIsoName' {
    It 'knows the common provisioning names, case-insensitively, and nothing else' {
        Test-ProvisioningIsoName -FileName 'CIDATA.iso' | Should -BeTrue
        Test-ProvisioningIsoName -FileName 'autounattend.iso' | Should -BeTrue
        Test-ProvisioningIsoName -FileName 'windows-server-2022.iso' | Should -BeFalse
    }
}
