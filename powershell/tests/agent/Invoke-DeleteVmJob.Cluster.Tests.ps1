# Deleting a clustered VM (S8), with files shared across cluster nodes (S3) and cluster shared volume roots (S5).
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment
    $script:clu01 = '30000000-0000-0000-0000-000000000001'
}

Describe 'Delete a clustered VM' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'cluster-host'
        $script:plan = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:clu01 -VmName 'clu01' -Mode 'plan' -Force $true)
        $script:before = Get-SandboxSnapshot -Sandbox $script:sandbox
        $script:run = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $script:clu01 -VmName 'clu01' -Force $true)
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'shows the cluster role in the plan' {
        $script:plan.Plan.cluster_role.name | Should -BeExactly 'clu01'
        $script:plan.Plan.cluster_role.state | Should -BeExactly 'Online'
    }

    It 'keeps the base disk and ISO that a VM on the other node uses' {
        $reasons = @{}
        foreach ($file in $script:plan.Plan.files_to_keep) { $reasons[$file.path] = $file.detail }
        $reasons['C:\ClusterStorage\Volume2\Base\base.vhdx'] | Should -BeLike "*VM 'clu02'*"
        $reasons['C:\ClusterStorage\Volume2\ISO\tools.iso'] | Should -BeLike "*VM 'clu02'*"
    }

    It 'removes the cluster role first (the VM is left Saved by the offline action), then turns the VM off' {
        $script:run.ExitCode | Should -Be 0
        $finished = @($script:run.Steps | Where-Object { $_.status -ne 'started' })
        $finished[3].id | Should -BeExactly 'cluster'
        $finished[3].status | Should -BeExactly 'succeeded'
        $finished[4].detail | Should -BeExactly 'turned off (was Saved)'
    }

    It 'leaves no role of the VM and the other node''s role as it was' {
        @((Get-SimState).cluster.groups | Where-Object { $_.vmId -eq $script:clu01 }).Count | Should -Be 0
        ((Get-SimState).cluster.groups | Where-Object { $_.name -eq 'clu02' }).state | Should -BeExactly 'Online'
        Get-SimVmState -Id $script:clu01 | Should -BeNullOrEmpty
    }

    It 'keeps the cluster shared volume root although the delete left it empty' {
        @(Get-ChildItem -LiteralPath 'C:\ClusterStorage\Volume1' -Force).Count | Should -Be 0
        Test-Path -LiteralPath 'C:\ClusterStorage\Volume1' -PathType Container | Should -BeTrue
        $script:plan.Plan.protected_roots | Should -Contain 'C:\ClusterStorage\Volume1'
    }

    It 'removes exactly what the plan listed' {
        $diff = Compare-SandboxSnapshot -Before $script:before -After (Get-SandboxSnapshot -Sandbox $script:sandbox)
        $diff.Removed | Should -Be ((@($script:plan.Plan.files_to_delete | ForEach-Object { $_.path }) + @($script:plan.Plan.folders_to_prune)) | Sort-Object)
        $diff.Added + $diff.Changed | Should -BeNullOrEmpty
    }
}

Describe 'Delete on a host without the FailoverClusters module' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'delete-host'
        # A modules folder holding only Hyper-V and HvSim: this host has no FailoverClusters module at all.
        $script:modules = Join-Path -Path $TestDrive -ChildPath 'modules'
        New-Item -ItemType Directory -Path $script:modules | Out-Null
        Copy-Item -Path (Join-Path $script:SimModules 'Hyper-V'), (Join-Path $script:SimModules 'HvSim') -Destination $script:modules -Recurse
        $script:savedPath = $env:PSModulePath
        $env:PSModulePath = (@($script:modules) + @($env:PSModulePath -split [System.IO.Path]::PathSeparator | Where-Object { $_ -ne $script:SimModules })) -join [System.IO.Path]::PathSeparator
    }
    AfterAll {
        $env:PSModulePath = $script:savedPath
        Remove-TestSandbox -Path $script:sandbox
    }

    It 'logs and skips the cluster step, and deletes the VM' {
        # In its own process: this session has the simulator's FailoverClusters loaded already.
        $run = Invoke-AgentProcess -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        ($run.Steps | Where-Object { $_.id -eq 'cluster' -and $_.status -eq 'skipped' }).detail | Should -BeExactly 'no FailoverClusters module on this host'
        Test-Path -LiteralPath 'C:\VMs\stray01\stray01.vhdx' | Should -BeFalse
    }
}
