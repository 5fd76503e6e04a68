# A fault at each destructive step fails the delete with a message naming the object (S6); a re-run after the
# fault is cleared finishes the deletion from the plan the failed run saved (S9).
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimHelpers.ps1')
    Initialize-SimEnvironment

    function Assert-FailedThenFinished {
        # The failed run: exit 1, the step and object named, the saved plan kept. Then clear the faults, re-run,
        # and check the VM and every file of the first plan are gone and the saved plan was removed.
        param($Failed, [string] $Step, [string] $Object, [string] $VmId, [string] $VmName, [bool] $Force = $false)
        $Failed.ExitCode | Should -Be 1
        $Failed.Result.status | Should -BeExactly 'failed'
        $Failed.Result.error.step | Should -BeExactly $Step
        $Failed.Result.error.object | Should -BeExactly $Object
        $Failed.Result.error.message | Should -BeLike "*$Object*"
        ($Failed.Steps | Where-Object { $_.id -eq $Step -and $_.status -eq 'failed' }) | Should -Not -BeNullOrEmpty
        Test-Path -LiteralPath "C:\ProgramData\HvAgent\jobs\delete-$VmId.json" | Should -BeTrue
        Test-Path -LiteralPath 'C:\ProgramData\HvAgent\host.lock' | Should -BeFalse -Because 'the lock is released on failure too'

        Clear-SimFault
        $rerun = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId $VmId -VmName $VmName -Force $Force)
        $rerun.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $rerun)
        Get-SimVmState -Id $VmId | Should -BeNullOrEmpty
        foreach ($file in $Failed.Plan.files_to_delete) {
            Test-Path -LiteralPath $file.path | Should -BeFalse -Because "$($file.path) was in the plan"
        }
        foreach ($folder in $Failed.Plan.folders_to_prune) {
            Test-Path -LiteralPath $folder | Should -BeFalse -Because "$folder was to be pruned"
        }
        Test-Path -LiteralPath "C:\ProgramData\HvAgent\jobs\delete-$VmId.json" | Should -BeFalse
        $rerun
    }
}

Describe 'Delete: a fault at each destructive step, then a re-run' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'delete-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }
    AfterEach { Clear-SimFault }

    It 'power: Stop-VM fails for the VM' {
        Set-SimFault -CommandName 'Stop-VM' -Target 'run01' -Message 'The RPC server is unavailable.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000007' -VmName 'run01' -Force $true)
        $failed.Result.error.message | Should -BeLike '*RPC server is unavailable*'
        Test-Path -LiteralPath 'D:\Hyper-V\run01\run01.vhdx' | Should -BeTrue -Because 'no disk is touched before the VM is off'
        Assert-FailedThenFinished -Failed $failed -Step 'power' -Object 'run01' -VmId '10000000-0000-0000-0000-000000000007' -VmName 'run01' -Force $true | Out-Null
    }

    It 'checkpoints: Remove-VMSnapshot fails for the root checkpoint' {
        Set-SimFault -CommandName 'Remove-VMSnapshot' -Target 'before patch' -Message 'The operation failed.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000004' -VmName 'db01')
        Test-Path -LiteralPath 'C:\VMs\db01\Virtual Hard Disks\db01_B.avhdx' | Should -BeTrue
        Assert-FailedThenFinished -Failed $failed -Step 'checkpoints' -Object 'before patch' -VmId '10000000-0000-0000-0000-000000000004' -VmName 'db01' | Out-Null
    }

    It 'disks: detaching a disk fails' {
        $disk = 'C:\VMs\web01\Virtual Hard Disks\web01-data.vhdx'
        Set-SimFault -CommandName 'Remove-VMHardDiskDrive' -Target $disk -Message 'The device is busy.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000001' -VmName 'web01')
        Test-Path -LiteralPath $disk | Should -BeTrue
        Assert-FailedThenFinished -Failed $failed -Step 'disks' -Object $disk -VmId '10000000-0000-0000-0000-000000000001' -VmName 'web01' | Out-Null
    }

    It 'disks: a disk file stays locked after its detach; the re-run deletes it from the saved plan' {
        $disk = 'C:\VMs\stray01\stray01.vhdx'
        Lock-SimFile -Path $disk
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01')
        $failed.Result.error.code | Should -BeExactly 'file_locked'
        $failed.Result.error.message | Should -BeLike '*after 3 attempts*'
        @((Get-SimVmState -Id '10000000-0000-0000-0000-000000000005').hardDrives).Count | Should -Be 0 -Because 'the drive was detached before the delete failed'
        $rerun = Assert-FailedThenFinished -Failed $failed -Step 'disks' -Object $disk -VmId '10000000-0000-0000-0000-000000000005' -VmName 'stray01'
        $rerun.Result.files_deleted | Should -Contain $disk
        Test-Path -LiteralPath 'C:\VMs\stray01\notes.txt' | Should -BeTrue
    }

    It 'media: removing a DVD drive fails' {
        Set-SimFault -CommandName 'Remove-VMDvdDrive' -Target 'C:\VMs\app01.iso' -Message 'The drive is in use.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000003' -VmName 'app01' -Force $true)
        $rerun = Assert-FailedThenFinished -Failed $failed -Step 'media' -Object 'C:\VMs\app01.iso' -VmId '10000000-0000-0000-0000-000000000003' -VmName 'app01' -Force $true
        $rerun.Result.files_deleted | Should -Contain 'C:\VMs\app01.iso' -Because 'an ISO named for the VM in the parent folder is a provisioning ISO'
        Test-Path -LiteralPath 'C:\Base\shared-base.vhdx' | Should -BeTrue -Because 'web01-02 still uses it'
    }

    It 'unregister: Remove-VM fails' {
        Set-SimFault -CommandName 'Remove-VM' -Target 'web01-02' -Message 'The virtual machine is locked by another operation.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000002' -VmName 'web01-02')
        Test-Path -LiteralPath 'C:\VMs\web01-02\web01-02.vhdx' | Should -BeFalse -Because 'disks go before the VM is unregistered'
        Assert-FailedThenFinished -Failed $failed -Step 'unregister' -Object 'web01-02' -VmId '10000000-0000-0000-0000-000000000002' -VmName 'web01-02' | Out-Null
    }

    It 'folders: an empty folder cannot be removed; the re-run finishes with the VM already unregistered' {
        $folder = 'D:\Hyper-V\paused01\empty'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Lock-SimFile -Path $folder
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000008' -VmName 'paused01' -Force $true)
        $failed.Result.error.code | Should -BeExactly 'folder_locked'
        Get-SimVmState -Id '10000000-0000-0000-0000-000000000008' | Should -BeNullOrEmpty -Because 'the VM was unregistered before the folders'
        $rerun = Assert-FailedThenFinished -Failed $failed -Step 'folders' -Object $folder -VmId '10000000-0000-0000-0000-000000000008' -VmName 'paused01' -Force $true
        ($rerun.Steps | Where-Object { $_.id -eq 'validate' -and $_.status -eq 'succeeded' }).detail | Should -BeLike '*already unregistered*'
    }
}

Describe 'Delete: the checkpoint merge is awaited before any disk is touched' {
    BeforeAll {
        $script:sandbox = New-TestSandbox -Name 'delete-host'
        Set-SimBehaviour -MergeDelayMs 2500
    }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'fails naming what it waits for when the merge outlasts the bound, with every disk still attached and present' {
        $body = New-DeletePayload -VmId '10000000-0000-0000-0000-000000000004' -VmName 'db01'
        $body.options = [ordered]@{} + $script:FastOptions
        $body.options.merge_timeout_seconds = 1
        $failed = Invoke-AgentJob -Script Delete -Body $body
        $failed.ExitCode | Should -Be 1
        $failed.Result.error.code | Should -BeExactly 'merge_timeout'
        $failed.Result.error.step | Should -BeExactly 'checkpoints'
        $failed.Result.error.object | Should -Not -BeNullOrEmpty
        Test-Path -LiteralPath 'C:\VMs\db01\Virtual Hard Disks\db01.vhdx' | Should -BeTrue
        @((Get-SimVmState -Id '10000000-0000-0000-0000-000000000004').hardDrives).Count | Should -Be 1
        @($failed.Steps | Where-Object { $_.id -eq 'disks' }).Count | Should -Be 0
    }

    It 'finishes on a re-run once the merge is done' {
        $rerun = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '10000000-0000-0000-0000-000000000004' -VmName 'db01')
        $rerun.ExitCode | Should -Be 0 -Because (Get-FailureText -Run $rerun)
        Test-Path -LiteralPath 'C:\VMs\db01' | Should -BeFalse
    }
}

Describe 'Delete: a fault at the cluster step' {
    BeforeAll { $script:sandbox = New-TestSandbox -Name 'cluster-host' }
    AfterAll { Remove-TestSandbox -Path $script:sandbox }

    It 'fails naming the role when Remove-ClusterGroup fails, and a re-run removes role and VM' {
        Set-SimFault -CommandName 'Remove-ClusterGroup' -Target 'clu01' -Message 'The cluster resource could not be deleted.' | Out-Null
        $failed = Invoke-AgentJob -Script Delete -Body (New-DeletePayload -VmId '30000000-0000-0000-0000-000000000001' -VmName 'clu01' -Force $true)
        Test-Path -LiteralPath 'C:\ClusterStorage\Volume1\clu01\clu01.vhdx' | Should -BeTrue
        Assert-FailedThenFinished -Failed $failed -Step 'cluster' -Object 'clu01' -VmId '30000000-0000-0000-0000-000000000001' -VmName 'clu01' -Force $true | Out-Null
        @((Get-SimState).cluster.groups | Where-Object { $_.name -eq 'clu01' }).Count | Should -Be 0
    }
}
