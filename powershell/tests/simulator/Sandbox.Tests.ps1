# New-SimHost / New-LabHost.ps1 / Remove-SimSandbox: building hosts from scenarios, refusing to overwrite, the lab.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
}

Describe 'the lab scenario' {
    BeforeAll {
        $script:lab = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-lab-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $script:output = & (Join-Path -Path $script:SimulatorRoot -ChildPath 'New-LabHost.ps1') -SandboxPath $script:lab
        $env:HVSIM_ROOT = $script:lab
        $script:state = Get-SimState
    }
    AfterAll {
        Remove-TestHost -Path $script:lab
    }

    It 'reports the host it built' {
        $script:output[0] | Should -Match "Built host HV01 with 14 VMs in .*$([regex]::Escape($script:lab))"
    }

    It 'creates every disk, ISO, file and configuration file it references' {
        $paths = @($script:state.vhds.Keys)
        $paths += @($script:state.vms | ForEach-Object -Process { $_.dvdDrives } | Where-Object -FilterScript { $_.path } | ForEach-Object -Process { $_.path })
        $paths += @('C:\ISO\ubuntu-22.04.4-live-server-amd64.iso', 'C:\VMs\db01\notes.txt')
        foreach ($vm in $script:state.vms) {
            $paths += @(Get-SimConfigFile -VM $vm)
            foreach ($checkpoint in $vm.snapshots) {
                $paths += @(Get-SimConfigFile -VM $vm -Snapshot $checkpoint)
            }
        }
        $paths.Count | Should -BeGreaterThan 40
        $missing = @($paths | Where-Object -FilterScript { -not (Test-Path -LiteralPath $_ -PathType Leaf) })
        $missing | Should -BeNullOrEmpty
    }

    It 'creates the host default folders, the CSV root and the listed folders' {
        foreach ($folder in 'C:\ProgramData\Microsoft\Windows\Hyper-V', 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks', 'C:\ClusterStorage\Volume1', 'D:\Hyper-V', 'C:\Templates') {
            Test-Path -LiteralPath $folder -PathType Container | Should -BeTrue -Because $folder
        }
    }

    It 'gives disks and ISOs their realistic sizes as sparse files' {
        (Get-Item -LiteralPath 'C:\ISO\WS2022.iso').Length | Should -Be 5368709120
        (Hyper-V\Get-VHD -Path 'C:\VMs\db01\Virtual Hard Disks\db01-data.vhdx').FileSize | Should -Be 107374182400
        $used = (& du -sk $script:lab | Select-Object -First 1) -split '\s+' | Select-Object -First 1
        [int] $used | Should -BeLessThan 10240
    }

    It 'has every situation the agent must handle' {
        $vms = @(Hyper-V\Get-VM) + @(Hyper-V\Get-VM -ComputerName HV02)
        $states = @($vms | ForEach-Object -Process { "$($_.State)" })
        foreach ($wanted in 'Off', 'Running', 'Paused', 'Saved', 'RunningCritical') {
            $states | Should -Contain $wanted
        }
        @(Hyper-V\Get-VMSnapshot -VMName dev01).Count | Should -Be 3
        @(Hyper-V\Get-VM -Name 'vdi0*' | Hyper-V\Get-VHD | Select-Object -ExpandProperty ParentPath -Unique) | Should -Be @('C:\VMs\Parents\win11-23h2-gold.vhdx')
        (Hyper-V\Get-VHD -Path 'C:\VMs\api01\Virtual Hard Disks\api01.vhdx').ParentPath | Should -Be 'C:\Templates\ws2022-template.vhdx'
        @($vms | Where-Object -FilterScript { @($_.DVDDrives | ForEach-Object -Process { $_.Path }) -contains 'C:\ISO\WS2022.iso' }).Count | Should -Be 2
        Test-Path -LiteralPath 'C:\VMs\web01-cidata.iso' | Should -BeTrue
        (FailoverClusters\Get-ClusterGroup -VMId (Hyper-V\Get-VM -Name sql01).VMId).Name | Should -Be 'sql01'
        (Hyper-V\Get-VM -Name legacy01).Path | Should -Be 'C:\ProgramData\Microsoft\Windows\Hyper-V'
        @(Hyper-V\Get-VM -Name lab-test).Count | Should -Be 2
    }
}

Describe 'building and removing sandboxes' {
    BeforeAll {
        $script:scenario = New-TestScenario -VM @(@{ id = '11111111-0000-4000-8000-000000000001'; name = 'alpha'; path = 'C:\VMs\alpha'; hardDrives = @('C:\VMs\alpha\alpha.vhdx') }) -Vhd @{ 'C:\VMs\alpha\alpha.vhdx' = @{} }
        $script:path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-build-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    }
    AfterAll {
        Remove-SimSandbox -Path $script:path
    }

    It 'refuses to overwrite an existing sandbox without -Force' {
        $null = New-SimHost -Scenario $script:scenario -SandboxPath $script:path
        { New-SimHost -Scenario $script:scenario -SandboxPath $script:path } | Should -Throw '*already exists*-Force*'
    }

    It 'rebuilds it with -Force, dropping what was there' {
        $stray = Join-Path -Path $script:path -ChildPath 'C/VMs/alpha/stray.txt'
        Set-Content -LiteralPath $stray -Value 'x'
        $null = New-SimHost -Scenario $script:scenario -SandboxPath $script:path -Force
        Test-Path -LiteralPath $stray | Should -BeFalse
        Test-Path -LiteralPath (Join-Path -Path $script:path -ChildPath 'C/VMs/alpha/alpha.vhdx') | Should -BeTrue
    }

    It 'never removes a folder that is not a sandbox, even with -Force' {
        $other = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("not-a-sandbox-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path $other
        Set-Content -LiteralPath (Join-Path -Path $other -ChildPath 'keep.txt') -Value 'precious'
        try {
            { New-SimHost -Scenario $script:scenario -SandboxPath $other -Force } | Should -Throw '*not a simulator sandbox*'
            { Remove-SimSandbox -Path $other } | Should -Throw '*not a simulator sandbox*'
            Test-Path -LiteralPath (Join-Path -Path $other -ChildPath 'keep.txt') | Should -BeTrue
        }
        finally {
            Remove-Item -LiteralPath $other -Recurse -Force
        }
    }

    It 'rejects an inconsistent scenario, naming the culprit' {
        $bad = New-TestScenario -VM @(@{ id = '11111111-0000-4000-8000-000000000002'; name = 'beta'; hardDrives = @('C:\VMs\beta\missing.vhdx') })
        $target = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-bad-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        { New-SimHost -Scenario $bad -SandboxPath $target } | Should -Throw "*'beta'*C:\VMs\beta\missing.vhdx*"
        $orphan = New-TestScenario -Vhd @{ 'C:\a.avhdx' = @{ parentPath = 'C:\gone.vhdx' } }
        { New-SimHost -Scenario $orphan -SandboxPath $target } | Should -Throw '*C:\gone.vhdx*'
    }

    It 'writes the documented state format' {
        $state = Get-SimState -Root $script:path
        $state.format | Should -Be 1
        foreach ($key in 'host', 'cluster', 'vms', 'vhds', 'merges', 'locks', 'faults', 'behaviour') {
            $state.Contains($key) | Should -BeTrue -Because $key
        }
        $vm = $state.vms[0]
        foreach ($key in 'id', 'name', 'computerName', 'generation', 'state', 'status', 'path', 'snapshotFileLocation', 'smartPagingFilePath', 'processorCount', 'memoryStartupBytes', 'memoryAssignedBytes', 'startedAt', 'isClustered', 'guestShutdownService', 'transition', 'hardDrives', 'dvdDrives', 'snapshots') {
            $vm.Contains($key) | Should -BeTrue -Because $key
        }
        $vm.snapshotFileLocation | Should -Be 'C:\VMs\alpha'
        $state.behaviour.mergeDelayMs | Should -Be 500
    }

    It 'caps file sizes with -MaxFileSizeBytes' {
        $big = New-TestScenario -Vhd @{ 'C:\big.vhdx' = @{ vhdType = 'Fixed'; sizeBytes = 1073741824; fileSizeBytes = 1073741824 } } -File @(@{ path = 'C:\ISO\x.iso'; sizeBytes = 999999 })
        $null = New-SimHost -Scenario $big -SandboxPath $script:path -Force -MaxFileSizeBytes 1000
        (Get-Item -LiteralPath (Join-Path -Path $script:path -ChildPath 'C/big.vhdx')).Length | Should -Be 1000
        (Get-Item -LiteralPath (Join-Path -Path $script:path -ChildPath 'C/ISO/x.iso')).Length | Should -Be 1000
    }
}
