function Set-SimVMStateValue {
    <#
    .SYNOPSIS
    Puts a VM record in a state with the side effects a real host shows: running VMs have a start time and
    assigned memory; Off and Saved VMs have neither.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [string] $StateName,

        [Parameter(Mandatory)]
        [datetime] $At
    )
    $base = Get-SimBaseState -Name $StateName
    $wasRunning = @('Running', 'Paused') -contains (Get-SimBaseState -Name $VM.state)
    $VM.state = $StateName
    switch ($base) {
        'Running' {
            if (-not $wasRunning -or $null -eq $VM.startedAt) {
                $VM.startedAt = Format-SimTime -Time $At
            }
            $VM.memoryAssignedBytes = $VM.memoryStartupBytes
        }
        { $_ -in 'Off', 'Saved' } {
            $VM.startedAt = $null
            $VM.memoryAssignedBytes = 0
        }
    }
}
