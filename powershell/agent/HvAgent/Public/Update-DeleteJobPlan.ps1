function Update-DeleteJobPlan {
    <#
    .SYNOPSIS
    The plan step (S2): reads the host, computes the whole plan, emits it, and in execute mode saves it (S9).
    .DESCRIPTION
    Runs identically in plan and execute mode; only the saving differs (plan mode changes nothing). When a
    previous run saved a plan, its record is merged in, so disks and ISOs that run already detached are still
    accounted for. Returns the step outcome.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    Update-DeleteJobReferences -Job $Job
    $current = $null
    if ($null -ne $Job.Vm) {
        $Job.Vm = Get-AgentVm -Id $Job.Payload.vm_id
    }
    if ($null -ne $Job.Vm) {
        if (-not [string]::Equals([string] $Job.Vm.Name, $Job.Payload.vm_name, [System.StringComparison]::Ordinal)) {
            throw (New-AgentError -Code 'identity_mismatch' -Object $Job.Payload.vm_id -Message ("VM " + $Job.Payload.vm_id + " was renamed to '" + $Job.Vm.Name + "': refusing to delete"))
        }
        $current = ConvertTo-VmRecord -Vm $Job.Vm
        if ($Job.Execute) {
            # The state may have changed since validate (that step already warned in plan mode).
            Assert-DeletePowerState -Job $Job -State $current.State
        }
    }
    $target = $current
    if ($null -ne $Job.Saved) {
        $target = Merge-VmRecord -Saved $Job.Saved.vm -Current $current
    }
    if ($null -eq $target) {
        throw (New-AgentError -Code 'vm_not_found' -Object $Job.Payload.vm_id -Message ('this host has no VM with id ' + $Job.Payload.vm_id))
    }
    foreach ($disk in @(Get-VmDiskPathList -Record $target)) {
        Add-VhdChain -Map $Job.Chains -Path $disk
    }
    if ($null -ne $Job.Saved) {
        foreach ($entry in @($Job.Saved.chains)) {
            if ($null -eq $entry -or [string]::IsNullOrEmpty([string] $entry.Path)) { continue }
            $key = Get-WindowsPathKey -Path $entry.Path
            if (-not $Job.Chains.ContainsKey($key) -or -not $Job.Chains[$key].Readable) { $Job.Chains[$key] = $entry }
        }
    }
    $role = $null
    $group = Get-DeleteClusterRole -Job $Job
    if ($null -ne $group) {
        $role = [ordered]@{ name = [string] $group.Name; state = [string] $group.State }
    }
    $protected = @(Get-ProtectedRoots -HostFacts $Job.HostFacts)
    $scope = Get-DeletePlanScope -Target $target -Chains $Job.Chains -Index $Job.Index -ProtectedRoots $protected
    $view = Read-PlanFileSystem -Scope $scope
    $plan = New-DeletePlan -Target $target -Scope $scope -Index $Job.Index -FileSystem $view -ProtectedRoots $protected -ClusterRole $role
    $Job.Target = $target
    $Job.Plan = $plan
    Write-DeletePlanLog -Plan $plan
    Write-AgentEvent -Type 'plan' -Fields $plan
    if ($Job.Execute) {
        Save-DeletePlan -Job $Job
    }
    $bytes = [long] 0
    foreach ($file in @($plan.files_to_delete)) { $bytes += [long] $file.size_bytes }
    return New-StepOutcome -Detail ([string] @($plan.files_to_delete).Count + ' files to delete (' + $bytes + ' bytes), ' +
        @($plan.files_to_keep).Count + ' kept, ' + @($plan.folders_to_prune).Count + ' folders to prune')
}
