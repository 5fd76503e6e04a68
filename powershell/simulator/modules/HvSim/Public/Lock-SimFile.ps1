function Lock-SimFile {
    <#
    .SYNOPSIS
    Locks a file or folder of the simulated host (as if another process held it open): provider cmdlets fail
    to delete it until the lock ends after -Seconds, or until Unlock-SimFile / Clear-SimFault.
    .EXAMPLE
    Lock-SimFile -Path 'C:\VMs\web01\Virtual Hard Disks\web01.vhdx' -Seconds 5
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [ValidateRange(0.001, 86400)]
        [double] $Seconds
    )
    $milliseconds = if ($PSBoundParameters.ContainsKey('Seconds')) { [int] ($Seconds * 1000) } else { 0 }
    Invoke-SimTransaction -ArgumentList @($Path, $milliseconds) -ScriptBlock {
        param($State, $LockPath, $LockMilliseconds)
        if ($LockMilliseconds -gt 0) {
            Add-SimLock -State $State -Path $LockPath -Milliseconds $LockMilliseconds -Reason 'fault'
        }
        else {
            Add-SimLock -State $State -Path $LockPath -Indefinite -Reason 'fault'
        }
    }
}
