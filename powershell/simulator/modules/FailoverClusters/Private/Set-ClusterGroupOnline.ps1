function Set-ClusterGroupOnline {
    <#
    .SYNOPSIS
    Inside a transaction: brings a group online (-Online) or takes it offline. The cluster waits for the
    change, so the VM of a VM role lands at once: started when online, saved when offline (the default
    offline action of a VM resource is Save; an Off VM stays Off). Returns a result with the group object.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [string] $GroupName,

        [switch] $Online
    )
    $result = New-SimResult
    $group = @($State.cluster.groups) | Where-Object -FilterScript { $_ -and $_.name -ieq $GroupName } | Select-Object -First 1
    if (-not $group) {
        $message = "The cluster group '$GroupName' was not found in cluster '$($State.cluster.name)'."
        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId $CommandName -Category ObjectNotFound -CommandName $CommandName -TargetObject $GroupName))
        return $result
    }
    $vm = if ($group.vmId) { Find-SimVM -State $State -Id $group.vmId -AnyNode } else { $null }
    if ($vm) {
        $suffix = if ($vm.state.EndsWith('Critical')) { 'Critical' } else { '' }
        $landed = if ($vm.transition) { Get-SimBaseState -Name $vm.transition.to } else { Get-SimBaseState -Name $vm.state }
        $vm.transition = $null
        $target = $landed
        if ($Online) {
            $target = 'Running'
        }
        elseif (@('Running', 'Paused') -contains $landed) {
            $target = 'Saved'
        }
        $vm.state = $landed + $suffix
        Set-SimVMStateValue -VM $vm -StateName ($target + $suffix) -At ([datetime]::UtcNow)
        if ($Online) {
            $group.state = 'Online'
        }
    }
    else {
        $group.state = if ($Online) { 'Online' } else { 'Offline' }
        foreach ($resource in @($group.resources | Where-Object -FilterScript { $_ })) {
            $resource.state = $group.state
        }
    }
    $null = Sync-SimClusterGroup -State $State
    $result.Output.Add((ConvertTo-ClusterGroupObject -State $State -Group $group))
    $result
}
