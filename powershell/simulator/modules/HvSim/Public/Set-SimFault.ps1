function Set-SimFault {
    <#
    .SYNOPSIS
    Injects a fault: a cmdlet fails (Kind Fail) or hangs for some seconds (Kind Hang) when it acts on an object.
    .DESCRIPTION
    The target matches a VM id or name, a disk or ISO path, a checkpoint or cluster group name (case-insensitive;
    empty or '*' matches any object). A failing cmdlet writes an error naming the object:
    "<cmdlet> failed for '<object>': <message>". -Count limits how many times it fires (default: until cleared).
    Returns the fault record (its id is what Clear-SimFault -Id takes).
    .EXAMPLE
    Set-SimFault -CommandName Remove-VM -Target web01 -Kind Fail -Message 'The RPC server is unavailable.' -Count 1
    .EXAMPLE
    Set-SimFault -CommandName Stop-VM -Kind Hang -Seconds 30
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [Alias('Cmdlet')]
        [string] $CommandName,

        [string] $Target = '*',

        [ValidateSet('Fail', 'Hang')]
        [string] $Kind = 'Fail',

        [string] $Message,

        [ValidateRange(0, 86400)]
        [double] $Seconds = 0,

        [ValidateRange(1, 1000000)]
        [int] $Count
    )
    if ($Kind -eq 'Hang' -and $Seconds -le 0) {
        throw 'A Hang fault needs -Seconds.'
    }
    $fault = @{
        id        = [guid]::NewGuid().ToString()
        cmdlet    = $CommandName
        target    = $Target
        kind      = $Kind.ToLowerInvariant()
        message   = $(if ($Message) { $Message } else { $null })
        seconds   = $(if ($Kind -eq 'Hang') { $Seconds } else { $null })
        remaining = $(if ($PSBoundParameters.ContainsKey('Count')) { $Count } else { $null })
    }
    Invoke-SimTransaction -ArgumentList @(, $fault) -ScriptBlock {
        param($State, $Fault)
        $State.faults = @($State.faults) + @($Fault)
    }
    $fault
}
