function Clear-SimFault {
    <#
    .SYNOPSIS
    Removes injected faults: one by -Id, those of a cmdlet by -CommandName, or (no filter) every fault and every
    file lock Lock-SimFile made.
    .EXAMPLE
    Clear-SimFault
    #>
    [CmdletBinding()]
    param(
        [string] $Id,

        [Alias('Cmdlet')]
        [string] $CommandName
    )
    Invoke-SimTransaction -ArgumentList @($Id, $CommandName) -ScriptBlock {
        param($State, $FaultId, $FaultCommand)
        $State.faults = @($State.faults | Where-Object -FilterScript {
                ($FaultId -and $_.id -ne $FaultId) -or ($FaultCommand -and $_.cmdlet -ine $FaultCommand)
            })
        if (-not $FaultId -and -not $FaultCommand) {
            $State.locks = @($State.locks | Where-Object -FilterScript { $_.reason -ne 'fault' })
        }
    }
}
