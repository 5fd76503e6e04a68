# Read cmdlets: identity and lookups, object shapes, disks and chains, DVD drives, checkpoints, the host.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:ids = @{
        web  = '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01'
        dup1 = '3d4f1a8b-2e6c-4b62-8a1f-8d2e3c4b5f02'
        dup2 = '4e5a2b9c-3f7d-4c73-9b2a-9e3f4d5c6a03'
        snap = '5f6b3cad-4a8e-4d84-8c3b-af4a5e6d7b04'
        cp1  = '6a7c4dbe-5b9f-4e95-9d4c-ba5b6f7e8c05'
        cp2  = '7b8d5ecf-6cad-4fa6-8e5d-cb6c7a8f9d06'
        far  = '8c9e6fda-7dbe-4ab7-9f6e-dc7d8b9aae07'
    }
    $base = 'C:\VMs\snap\Virtual Hard Disks\snap.vhdx'
    $a = 'C:\VMs\snap\Virtual Hard Disks\snap_A.avhdx'
    $b = 'C:\VMs\snap\Virtual Hard Disks\snap_B.avhdx'
    $scenario = New-TestScenario -VM @(
        @{ id = $script:ids.web; name = 'web01'; state = 'Running'; path = 'C:\VMs\web01'; uptimeSeconds = 7200; processorCount = 4; memoryStartupBytes = 4294967296
            hardDrives = @('C:\VMs\web01\web01.vhdx'); dvdDrives = @('C:\ISO\lib.iso') },
        @{ id = $script:ids.dup1; name = 'twin'; path = 'C:\VMs\twin-a'; hardDrives = @(@{ path = $null; diskNumber = 4 }) },
        @{ id = $script:ids.dup2; name = 'twin'; path = 'C:\VMs\twin-b'; generation = 1; dvdDrives = @(@{ path = $null }) },
        @{ id = $script:ids.snap; name = 'snap'; path = 'C:\VMs\snap'; hardDrives = @($b); dvdDrives = @('C:\ISO\lib.iso')
            snapshots = @(
                @{ id = $script:ids.cp1; name = 'first'; createdAt = '2025-01-01T10:00:00Z'; hardDrives = @($base); dvdDrives = @('C:\ISO\lib.iso') },
                @{ id = $script:ids.cp2; name = 'second'; parentSnapshotId = $script:ids.cp1; createdAt = '2025-01-02T10:00:00Z'; hardDrives = @($a) }) },
        @{ id = $script:ids.far; name = 'remote01'; computerName = 'HV02'; state = 'Running'; path = 'C:\VMs\remote01' }
    ) -Vhd @{
        'C:\VMs\web01\web01.vhdx' = @{ sizeBytes = 42949672960; fileSizeBytes = 12345 }
        $base = @{}; $a = @{ parentPath = $base }; $b = @{ parentPath = $a }
    } -File @(@{ path = 'C:\ISO\lib.iso'; sizeBytes = 2048 }) -Cluster @{ name = 'CLU'; nodes = @(@{ name = 'HV01' }, @{ name = 'HV02' }); sharedVolumes = @(); groups = @() }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'Get-VM' {
    It 'returns every VM of this node, and only of this node' {
        $names = @(Hyper-V\Get-VM | ForEach-Object -Process { $_.Name })
        $names | Should -Be @('web01', 'twin', 'twin', 'snap')
    }

    It 'looks a VM up by id' {
        $vm = Hyper-V\Get-VM -Id $script:ids.dup2
        $vm.Id | Should -Be ([guid] $script:ids.dup2)
        $vm.Path | Should -Be 'C:\VMs\twin-b'
    }

    It 'returns every VM with a duplicate name' {
        @(Hyper-V\Get-VM -Name twin).Count | Should -Be 2
    }

    It 'takes wildcards in -Name and its alias -VMName' {
        @(Hyper-V\Get-VM -Name 'tw*').Count | Should -Be 2
        @(Hyper-V\Get-VM -VMName 'WEB0?').Name | Should -Be 'web01'
        @(Hyper-V\Get-VM -Name 'nothing*') | Should -BeNullOrEmpty
    }

    It 'writes the real not-found error for a name' {
        $result = Hyper-V\Get-VM -Name ghost -ErrorAction SilentlyContinue -ErrorVariable problems
        $result | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM'
        $problems[0].Exception.Message | Should -Be 'Hyper-V was unable to find a virtual machine with name "ghost".'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'writes the real not-found error for an id, terminating with -ErrorAction Stop' {
        { Hyper-V\Get-VM -Id ([guid]::NewGuid()) -ErrorAction Stop } | Should -Throw '*unable to find a virtual machine with ID*'
    }

    It 'returns the VMs of another cluster node with -ComputerName' {
        (Hyper-V\Get-VM -ComputerName HV02).Name | Should -Be 'remote01'
        @(Hyper-V\Get-VM -ComputerName HV01, HV02).Count | Should -Be 5
        @(Hyper-V\Get-VM -ComputerName localhost).Count | Should -Be 4
        Hyper-V\Get-VM -ComputerName NOPE -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].Exception.Message | Should -Match "computer 'NOPE'"
    }

    It 'shapes the object as Microsoft.HyperV.PowerShell.VirtualMachine' {
        $vm = Hyper-V\Get-VM -Id $script:ids.web
        $vm.PSObject.TypeNames[0] | Should -Be 'Microsoft.HyperV.PowerShell.VirtualMachine'
        foreach ($name in 'Id', 'VMId', 'Name', 'VMName', 'State', 'Status', 'Path', 'ConfigurationLocation', 'SnapshotFileLocation', 'SmartPagingFilePath', 'IsClustered', 'Generation', 'ProcessorCount', 'MemoryStartup', 'MemoryAssigned', 'Uptime', 'CPUUsage', 'ComputerName', 'HardDrives', 'DVDDrives', 'Notes') {
            $vm.PSObject.Properties.Name | Should -Contain $name
        }
        $vm.VMId | Should -BeOfType [guid]
        $vm.Uptime | Should -BeOfType [timespan]
        $vm.Uptime.TotalSeconds | Should -BeGreaterOrEqual 7200
        $vm.MemoryAssigned | Should -Be 4294967296
        $vm.HardDrives[0].Path | Should -Be 'C:\VMs\web01\web01.vhdx'
        $vm.DVDDrives[0].Path | Should -Be 'C:\ISO\lib.iso'
    }

    It 'has an enum State: compares by name, serialises as Microsoft''s number' {
        $vm = Hyper-V\Get-VM -Id $script:ids.web
        $vm.State -eq 'Running' | Should -BeTrue
        "$($vm.State)" | Should -Be 'Running'
        ($vm | Select-Object -Property State | ConvertTo-Json -Compress) | Should -Be '{"State":2}'
        ((Hyper-V\Get-VM -Id $script:ids.dup1) | Select-Object -Property State | ConvertTo-Json -Compress) | Should -Be '{"State":3}'
    }
}

Describe 'Get-VMHardDiskDrive and Get-VHD' {
    It 'lists a VM''s drives, pass-through disks with a DiskNumber and no Path' {
        $drive = Hyper-V\Get-VM -Id $script:ids.dup1 | Hyper-V\Get-VMHardDiskDrive
        $drive.PSObject.TypeNames[0] | Should -Be 'Microsoft.HyperV.PowerShell.HardDiskDrive'
        $drive.Path | Should -BeNullOrEmpty
        $drive.DiskNumber | Should -Be 4
        $drive.ControllerType -eq 'SCSI' | Should -BeTrue
        $drive.VMId | Should -Be ([guid] $script:ids.dup1)
    }

    It 'filters by controller and takes -VMName' {
        @(Hyper-V\Get-VMHardDiskDrive -VMName web01 -ControllerType SCSI -ControllerLocation 0).Count | Should -Be 1
        @(Hyper-V\Get-VMHardDiskDrive -VMName web01 -ControllerLocation 5) | Should -BeNullOrEmpty
    }

    It 'lists the disks a checkpoint references' {
        $checkpoint = Hyper-V\Get-VMSnapshot -VMName snap -Name first
        (Hyper-V\Get-VMHardDiskDrive -VMSnapshot $checkpoint).Path | Should -Be 'C:\VMs\snap\Virtual Hard Disks\snap.vhdx'
        ($checkpoint | Hyper-V\Get-VMHardDiskDrive).VMSnapshotName | Should -Be 'first'
    }

    It 'walks a differencing chain through ParentPath' {
        $chain = @()
        $path = (Hyper-V\Get-VMHardDiskDrive -VMName snap).Path
        while ($path) {
            $disk = Hyper-V\Get-VHD -Path $path
            $chain += $disk.Path
            $path = $disk.ParentPath
        }
        $chain | Should -Be @('C:\VMs\snap\Virtual Hard Disks\snap_B.avhdx', 'C:\VMs\snap\Virtual Hard Disks\snap_A.avhdx', 'C:\VMs\snap\Virtual Hard Disks\snap.vhdx')
        (Hyper-V\Get-VHD -Path $chain[0]).VhdType -eq 'Differencing' | Should -BeTrue
    }

    It 'reports the real file length as FileSize, the virtual size as Size, and whether a running VM holds it' {
        $disk = Hyper-V\Get-VHD -Path 'c:/vms/WEB01/web01.vhdx'
        $disk.PSObject.TypeNames[0] | Should -Be 'Microsoft.Vhd.PowerShell.VirtualHardDisk'
        $disk.Path | Should -Be 'C:\VMs\web01\web01.vhdx'
        $disk.FileSize | Should -Be 12345
        $disk.Size | Should -Be 42949672960
        $disk.Attached | Should -BeTrue
        $disk.VhdFormat -eq 'VHDX' | Should -BeTrue
        (Hyper-V\Get-VHD -Path 'C:\VMs\snap\Virtual Hard Disks\snap.vhdx').Attached | Should -BeFalse
    }

    It 'takes -VMId, piped VM objects and FullName from Get-ChildItem' {
        (Hyper-V\Get-VHD -VMId $script:ids.web).Path | Should -Be 'C:\VMs\web01\web01.vhdx'
        (Hyper-V\Get-VM -Id $script:ids.web | Hyper-V\Get-VHD).Path | Should -Be 'C:\VMs\web01\web01.vhdx'
        $fromProvider = Get-ChildItem -LiteralPath 'C:\VMs\snap\Virtual Hard Disks' -Filter '*.avhdx' | Hyper-V\Get-VHD
        @($fromProvider.Path) | Should -Be @('C:\VMs\snap\Virtual Hard Disks\snap_A.avhdx', 'C:\VMs\snap\Virtual Hard Disks\snap_B.avhdx')
    }

    It 'writes ObjectNotFound for a missing file' {
        Hyper-V\Get-VHD -Path 'C:\nowhere\x.vhdx' -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -Be 'ObjectNotFound,Microsoft.Vhd.PowerShell.Cmdlets.GetVHD'
        $problems[0].Exception.Message | Should -BeLike "*'C:\nowhere\x.vhdx'*cannot find the file*"
    }
}

Describe 'Get-VMDvdDrive' {
    It 'shows the ISO of each drive, empty drives with no Path' {
        $drive = Hyper-V\Get-VMDvdDrive -VMName web01
        $drive.PSObject.TypeNames[0] | Should -Be 'Microsoft.HyperV.PowerShell.DvdDrive'
        $drive.Path | Should -Be 'C:\ISO\lib.iso'
        $drive.DvdMediaType -eq 'ISO' | Should -BeTrue
        $empty = Hyper-V\Get-VM -Id $script:ids.dup2 | Hyper-V\Get-VMDvdDrive
        $empty.Path | Should -BeNullOrEmpty
        $empty.ControllerType -eq 'IDE' | Should -BeTrue
        $empty.ControllerNumber | Should -Be 1
        $empty.ControllerLocation | Should -Be 0
    }

    It 'shows the ISOs a checkpoint recorded' {
        (Hyper-V\Get-VMSnapshot -VMName snap -Name first | Hyper-V\Get-VMDvdDrive).Path | Should -Be 'C:\ISO\lib.iso'
    }
}

Describe 'Get-VMSnapshot' {
    It 'lists checkpoints parents first with their tree' {
        $checkpoints = @(Hyper-V\Get-VM -Id $script:ids.snap | Hyper-V\Get-VMSnapshot)
        $checkpoints.Name | Should -Be @('first', 'second')
        $checkpoints[1].ParentSnapshotId | Should -Be ([guid] $script:ids.cp1)
        $checkpoints[1].ParentSnapshotName | Should -Be 'first'
        $checkpoints[0].PSObject.TypeNames[0] | Should -Be 'Microsoft.HyperV.PowerShell.VMSnapshot'
        $checkpoints[0].VMId | Should -Be ([guid] $script:ids.snap)
        $checkpoints[0].CreationTime | Should -BeOfType [datetime]
        $checkpoints[0].SnapshotType -eq 'Standard' | Should -BeTrue
        (Hyper-V\Get-VM -Id $script:ids.snap).ParentSnapshotName | Should -Be 'second'
    }

    It 'finds one by id and by name with wildcards' {
        (Hyper-V\Get-VMSnapshot -Id $script:ids.cp2).Name | Should -Be 'second'
        @(Hyper-V\Get-VMSnapshot -VMName snap -Name 's*').Name | Should -Be 'second'
        Hyper-V\Get-VMSnapshot -VMName snap -Name 'none' -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems.Count | Should -Be 1
    }
}

Describe 'Get-VMHost' {
    It 'shows the host name and its default folders' {
        $vmHost = Hyper-V\Get-VMHost
        $vmHost.PSObject.TypeNames[0] | Should -Be 'Microsoft.HyperV.PowerShell.VMHost'
        $vmHost.ComputerName | Should -Be 'HV01'
        $vmHost.VirtualMachinePath | Should -Be 'C:\ProgramData\Microsoft\Windows\Hyper-V'
        $vmHost.VirtualHardDiskPath | Should -Be 'C:\Users\Public\Documents\Hyper-V\Virtual Hard Disks'
        Test-Path -LiteralPath $vmHost.VirtualMachinePath -PathType Container | Should -BeTrue
    }
}
