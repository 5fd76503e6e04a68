function Update-SimState {
    <#
    .SYNOPSIS
    Changes the simulated host's state in one locked read-modify-write: the script block gets the state
    hashtable as its first argument and edits it in place.
    .PARAMETER ScriptBlock
    Receives the state; what it returns is returned.
    .PARAMETER Root
    The sandbox; default $env:HVSIM_ROOT.
    .EXAMPLE
    Update-SimState -ScriptBlock { param($State) ($State.vms | Where-Object name -eq 'web01').guestShutdownService = $false }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [scriptblock] $ScriptBlock,

        [string] $Root
    )
    $arguments = @{ ScriptBlock = $ScriptBlock }
    if ($Root) {
        $arguments.Root = $Root
    }
    Invoke-SimTransaction @arguments
}
