function Get-SimState {
    <#
    .SYNOPSIS
    The simulated host's state (nested hashtables, format in simulator/README.md), settled to now.
    .PARAMETER Root
    The sandbox; default $env:HVSIM_ROOT.
    .EXAMPLE
    (Get-SimState).vms | ForEach-Object { $_.name }
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param([string] $Root)
    $arguments = @{ ReadOnly = $true; ScriptBlock = { param($State) $State } }
    if ($Root) {
        $arguments.Root = $Root
    }
    Invoke-SimTransaction @arguments
}
