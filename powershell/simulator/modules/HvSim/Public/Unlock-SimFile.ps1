function Unlock-SimFile {
    <#
    .SYNOPSIS
    Ends the locks Lock-SimFile put on a path (locks the simulated host holds for its own reasons stay).
    .EXAMPLE
    Unlock-SimFile -Path 'C:\VMs\web01\Virtual Hard Disks\web01.vhdx'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )
    Invoke-SimTransaction -ArgumentList @($Path) -ScriptBlock {
        param($State, $LockPath)
        $wanted = Format-SimPath -Path $LockPath
        $State.locks = @($State.locks | Where-Object -FilterScript { -not ($_.reason -eq 'fault' -and (Format-SimPath -Path $_.path) -ieq $wanted) })
    }
}
