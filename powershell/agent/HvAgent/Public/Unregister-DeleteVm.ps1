function Unregister-DeleteVm {
    <#
    .SYNOPSIS
    The unregister step (seed step 6): Remove-VM -Force on the VM object, verifies the VM is gone, then makes sure
    its configuration files went with it (a file Remove-VM left behind is deleted, with bounded retries).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    $detail = 'the VM was already unregistered'
    if ($null -ne $Job.Vm) {
        Write-AgentLog -Message ("unregistering VM '" + $Job.Vm.Name + "'")
        try {
            Hyper-V\Remove-VM -VM $Job.Vm -Force -Confirm:$false -ErrorAction Stop
        } catch {
            throw (New-AgentError -Code 'host_error' -Object ([string] $Job.Vm.Name) -Message ("could not remove VM '" + $Job.Vm.Name + "': " + $_.Exception.Message))
        }
        $vmId = $Job.Payload.vm_id
        $gone = Wait-AgentCondition -TimeoutSeconds ([double] $Job.Options.state_timeout_seconds) -Condition { $null -eq (Get-AgentVm -Id $vmId) }
        if (-not $gone) {
            throw (New-AgentError -Code 'verify_failed' -Object $Job.Payload.vm_name -Message ("VM '" + $Job.Payload.vm_name + "' is still registered after Remove-VM"))
        }
        $Job.Vm = $null
        $detail = 'VM removed'
    }
    foreach ($file in @($Job.Plan.files_to_delete | Where-Object -FilterScript { $_.kind -eq 'config' })) {
        Remove-PlannedFile -Job $Job -File $file
    }
    return New-StepOutcome -Detail $detail
}
