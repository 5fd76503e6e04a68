function Sync-SimClusterGroup {
    <#
    .SYNOPSIS
    Keeps each VM role's group and resources in step with its VM: Online while the VM runs (or is paused or in
    transition), Offline when it is Off or Saved (a Failed group stays Failed until the VM runs again).
    Returns $true when a group changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State
    )
    if ($null -eq $State.cluster) {
        return $false
    }
    $changed = $false
    foreach ($group in @($State.cluster.groups)) {
        if (-not $group.vmId) {
            continue
        }
        $vm = @($State.vms | Where-Object -FilterScript { $_.id -eq $group.vmId }) | Select-Object -First 1
        if ($null -eq $vm) {
            continue
        }
        $desired = 'Online'
        if (@('Off', 'Saved') -contains (Get-SimBaseState -Name $vm.state)) {
            $desired = 'Offline'
            if ($group.state -eq 'Failed') {
                $desired = 'Failed'
            }
        }
        if ($group.state -ne $desired) {
            $group.state = $desired
            $changed = $true
        }
        foreach ($resource in @($group.resources)) {
            if ($resource.state -ne $desired) {
                $resource.state = $desired
                $changed = $true
            }
        }
    }
    $changed
}
