function Find-SimVM {
    <#
    .SYNOPSIS
    VM records of the state by id and/or name (wildcards as Get-VM), on the given nodes (default: this host).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [string] $Id,

        [string] $Name,

        [string[]] $ComputerName,

        [switch] $AnyNode
    )
    $nodes = @($State.host.computerName)
    if ($ComputerName) {
        $nodes = $ComputerName
    }
    $wantedId = $null
    if ($Id) {
        $wantedId = [guid] $Id
    }
    foreach ($vm in $State.vms) {
        if (-not $AnyNode -and -not ($nodes | Where-Object -FilterScript { $_ -ieq $vm.computerName })) {
            continue
        }
        if ($null -ne $wantedId -and [guid] $vm.id -ne $wantedId) {
            continue
        }
        if ($PSBoundParameters.ContainsKey('Name') -and -not (Test-SimNameMatch -Pattern $Name -Value $vm.name)) {
            continue
        }
        $vm
    }
}
