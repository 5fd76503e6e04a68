function Add-SimLock {
    <#
    .SYNOPSIS
    Inside a transaction: locks a file (or folder) of the simulated host for some milliseconds, until a time,
    or until cleared (-Indefinite). The transaction's settle step applies it on disk.
    .PARAMETER Reason
    released (a detach or Remove-VM let go of it), merge (a checkpoint merge uses it), fault (injected).
    #>
    [CmdletBinding(DefaultParameterSetName = 'Milliseconds')]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory, ParameterSetName = 'Milliseconds')]
        [int] $Milliseconds,

        [Parameter(Mandatory, ParameterSetName = 'Until')]
        [datetime] $Until,

        [Parameter(Mandatory, ParameterSetName = 'Indefinite')]
        [switch] $Indefinite,

        [Parameter(Mandatory)]
        [ValidateSet('released', 'merge', 'fault')]
        [string] $Reason
    )
    $end = $null
    if ($PSCmdlet.ParameterSetName -eq 'Milliseconds') {
        if ($Milliseconds -le 0) {
            return
        }
        $end = Format-SimTime -Time ([datetime]::UtcNow.AddMilliseconds($Milliseconds))
    }
    elseif ($PSCmdlet.ParameterSetName -eq 'Until') {
        $end = Format-SimTime -Time $Until
    }
    $State.locks = @($State.locks) + @(@{ path = (Format-SimPath -Path $Path); until = $end; reason = $Reason })
}
