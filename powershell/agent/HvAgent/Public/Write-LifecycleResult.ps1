function Write-LifecycleResult {
    <#
    .SYNOPSIS
    Emits a lifecycle job's `result` event: status, error, and the VM {id, name, state} as the host shows it now.
    #>
    [CmdletBinding()]
    param(
        [AllowNull()] $Payload,
        [Parameter(Mandatory = $true)] [ValidateSet('succeeded', 'failed')] [string] $Status,
        [AllowNull()] $ErrorRecord = $null
    )
    $errorInfo = $null
    if ($null -ne $ErrorRecord) {
        $errorInfo = Get-AgentErrorInfo -ErrorRecord $ErrorRecord
        Write-AgentLog -Message ('job failed: ' + $errorInfo.message)
    }
    $vmInfo = $null
    $action = $null
    if ($null -ne $Payload) {
        $action = $Payload.action
        $vmInfo = [ordered]@{ id = $Payload.vm_id; name = $Payload.vm_name; state = $null }
        try {
            $vm = Get-AgentVm -Id $Payload.vm_id
            if ($null -ne $vm) { $vmInfo.state = Get-VmStateName -State $vm.State }
        } catch {
            $vmInfo.state = $null
        }
    }
    Write-AgentEvent -Type 'result' -Fields ([ordered]@{ status = $Status; error = $errorInfo; action = $action; vm = $vmInfo })
}
