function Complete-SimTransition {
    <#
    .SYNOPSIS
    Lands every Starting/Stopping/Saving VM whose transition time has come in its target state.
    Returns $true when a VM changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [datetime] $Now
    )
    $changed = $false
    foreach ($vm in $State.vms) {
        if ($null -eq $vm.transition) {
            continue
        }
        $at = ConvertTo-SimTime -Value $vm.transition.at
        if ($null -ne $at -and $at -gt $Now) {
            continue
        }
        $target = $vm.transition.to
        $vm.transition = $null
        Set-SimVMStateValue -VM $vm -StateName $target -At $(if ($at) { $at } else { $Now })
        $changed = $true
    }
    $changed
}
