# FailoverClusters: roles by VM id, the Save offline action, removing roles, CSV roots, other nodes, no cluster.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $script:sqlId = '5e6f7a8b-9cad-4ebf-8a1b-4c5d6e7f8a91'
    $script:otherId = '5e6f7a8b-9cad-4ebf-8a1b-4c5d6e7f8a92'
    $script:plainId = '5e6f7a8b-9cad-4ebf-8a1b-4c5d6e7f8a93'
    $cluster = @{
        name          = 'HVCLU01'
        nodes         = @(@{ name = 'HV01' }, @{ name = 'HV02' })
        sharedVolumes = @(@{ name = 'Cluster Disk 1'; friendlyVolumeName = 'C:\ClusterStorage\Volume1' })
        groups        = @(
            @{ name = 'SQL role'; vmId = $script:sqlId; state = 'Online' },
            @{ name = 'other'; vmId = $script:otherId; ownerNode = 'HV02'; state = 'Online' })
    }
    $scenario = New-TestScenario -VM @(
        @{ id = $script:sqlId; name = 'sql01'; path = 'C:\ClusterStorage\Volume1\sql01'; state = 'Running'; hardDrives = @('C:\ClusterStorage\Volume1\sql01\sql01.vhdx') },
        @{ id = $script:otherId; name = 'other'; computerName = 'HV02'; path = 'C:\ClusterStorage\Volume1\other'; state = 'Running' },
        @{ id = $script:plainId; name = 'plain'; path = 'C:\VMs\plain' }
    ) -Vhd @{ 'C:\ClusterStorage\Volume1\sql01\sql01.vhdx' = @{} } -Cluster $cluster -Behaviour @{ releaseDelayMs = 0; mergeDelayMs = 0; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'reading the cluster' {
    It 'finds a VM''s role by VM id although it is named differently' {
        $group = FailoverClusters\Get-ClusterGroup -VMId $script:sqlId
        $group.Name | Should -Be 'SQL role'
        $group.PSObject.TypeNames[0] | Should -Be 'Microsoft.FailoverClusters.PowerShell.ClusterGroup'
        $group.State -eq 'Online' | Should -BeTrue
        $group.GroupType -eq 'VirtualMachine' | Should -BeTrue
        $group.OwnerNode -eq 'HV01' | Should -BeTrue
        $group.OwnerNode.Name | Should -Be 'HV01'
        (Hyper-V\Get-VM -Id $script:sqlId | FailoverClusters\Get-ClusterGroup).Name | Should -Be 'SQL role'
        ($group | Hyper-V\Get-VM).Id | Should -Be ([guid] $script:sqlId)
    }

    It 'writes ObjectNotFound for a VM without a role' {
        FailoverClusters\Get-ClusterGroup -VMId $script:plainId -ErrorAction SilentlyContinue -ErrorVariable problems | Should -BeNullOrEmpty
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].FullyQualifiedErrorId | Should -Be 'Get-ClusterGroup,Microsoft.FailoverClusters.PowerShell.GetClusterGroupCommand'
    }

    It 'lists the two resources of a VM role' {
        $resources = @(FailoverClusters\Get-ClusterResource -VMId $script:sqlId)
        $resources.Name | Should -Be @('Virtual Machine sql01', 'Virtual Machine Configuration sql01')
        $resources[0].ResourceType -eq 'Virtual Machine' | Should -BeTrue
        $resources[0].ResourceType.Name | Should -Be 'Virtual Machine'
        $resources[0].OwnerGroup.Name | Should -Be 'SQL role'
        @(FailoverClusters\Get-ClusterGroup -Name 'SQL role' | FailoverClusters\Get-ClusterResource).Count | Should -Be 2
    }

    It 'shows the shared volume roots, the cluster and its nodes' {
        (FailoverClusters\Get-ClusterSharedVolume).SharedVolumeInfo.FriendlyVolumeName | Should -Be 'C:\ClusterStorage\Volume1'
        (FailoverClusters\Get-Cluster).Name | Should -Be 'HVCLU01'
        @(FailoverClusters\Get-ClusterNode).Name | Should -Be @('HV01', 'HV02')
        (FailoverClusters\Get-ClusterNode -Name HV02).State -eq 'Up' | Should -BeTrue
    }

    It 'marks clustered VMs and shows those on the other node with -ComputerName' {
        (Hyper-V\Get-VM -Id $script:sqlId).IsClustered | Should -BeTrue
        (Hyper-V\Get-VM -Id $script:plainId).IsClustered | Should -BeFalse
        (Hyper-V\Get-VM -ComputerName HV02).Name | Should -Be 'other'
    }
}

Describe 'changing roles' {
    It 'refuses to remove an Online group' {
        FailoverClusters\Remove-ClusterGroup -VMId $script:sqlId -RemoveResources -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike "*'SQL role'*Online*"
        FailoverClusters\Get-ClusterGroup -VMId $script:sqlId | Should -Not -BeNullOrEmpty
    }

    It 'refuses Remove-VM of a clustered VM' {
        Hyper-V\Remove-VM -Name sql01 -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidState,*'
    }

    It 'takes the group offline by saving the VM (the default offline action)' {
        $group = FailoverClusters\Stop-ClusterGroup -Name 'SQL role'
        $group.State -eq 'Offline' | Should -BeTrue
        "$((Hyper-V\Get-VM -Id $script:sqlId).State)" | Should -Be 'Saved'
        @(FailoverClusters\Get-ClusterResource -VMId $script:sqlId | Where-Object -FilterScript { $_.State -eq 'Offline' }).Count | Should -Be 2
    }

    It 'brings it online again by starting the VM' {
        (FailoverClusters\Start-ClusterGroup -Name 'SQL role').State -eq 'Online' | Should -BeTrue
        "$((Hyper-V\Get-VM -Id $script:sqlId).State)" | Should -Be 'Running'
        Hyper-V\Stop-VM -Name sql01 -TurnOff
        (FailoverClusters\Get-ClusterGroup -VMId $script:sqlId).State -eq 'Offline' | Should -BeTrue
    }

    It 'needs -RemoveResources while resources remain' {
        FailoverClusters\Remove-ClusterGroup -VMId $script:sqlId -Force -ErrorAction SilentlyContinue -ErrorVariable problems
        $problems[0].Exception.Message | Should -BeLike '*still contains resources*'
    }

    It 'changes nothing with -WhatIf' {
        FailoverClusters\Remove-ClusterGroup -VMId $script:sqlId -RemoveResources -Force -WhatIf
        FailoverClusters\Get-ClusterGroup -VMId $script:sqlId | Should -Not -BeNullOrEmpty
    }

    It 'removes an offline role with its resources, leaving the VM registered and no longer clustered' {
        FailoverClusters\Remove-ClusterGroup -VMId $script:sqlId -RemoveResources -Force
        FailoverClusters\Get-ClusterGroup -VMId $script:sqlId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        @(FailoverClusters\Get-ClusterResource -Name 'Virtual Machine sql01' -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        $vm = Hyper-V\Get-VM -Id $script:sqlId
        $vm.IsClustered | Should -BeFalse
        Hyper-V\Remove-VM -VM $vm -Force
        Hyper-V\Get-VM -Id $script:sqlId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'wants a group to act on' {
        { FailoverClusters\Stop-ClusterGroup -ErrorAction Stop } | Should -Throw '*-Name*'
    }
}

Describe 'a host that is not clustered' {
    BeforeAll {
        $script:standalone = New-TestHost -Scenario (New-TestScenario)
    }
    AfterAll {
        Remove-SimSandbox -Path $script:standalone
        $env:HVSIM_ROOT = $script:sandbox
    }

    It '<Command> fails as a stand-alone host does' -ForEach @(
        @{ Command = 'Get-Cluster' }, @{ Command = 'Get-ClusterNode' }, @{ Command = 'Get-ClusterGroup' },
        @{ Command = 'Get-ClusterResource' }, @{ Command = 'Get-ClusterSharedVolume' }
    ) {
        $thrown = $null
        try {
            & "FailoverClusters\$Command" -ErrorAction SilentlyContinue
        }
        catch {
            $thrown = $_
        }
        $thrown | Should -Not -BeNullOrEmpty -Because 'the error is terminating, whatever -ErrorAction says'
        $thrown.Exception.Message | Should -BeLike 'The cluster service is not running*'
        $thrown.FullyQualifiedErrorId | Should -Be "ClusterEndpointNotRegistered,Microsoft.FailoverClusters.PowerShell.$($Command.Replace('-', ''))Command"
    }
}
