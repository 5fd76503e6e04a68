function Update-SimVMStatus {
    <#
    .SYNOPSIS
    Sets VM.status to "Merging disks" while a merge of that VM runs, back to "Operating normally" after.
    Returns $true when a status changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State
    )
    $changed = $false
    $merging = @($State.merges | ForEach-Object -Process { $_.vmId })
    foreach ($vm in $State.vms) {
        $status = $vm.status
        if ($merging -contains $vm.id) {
            $status = 'Merging disks'
        }
        elseif ($status -eq 'Merging disks' -or [string]::IsNullOrEmpty($status)) {
            $status = 'Operating normally'
        }
        if ($status -ne $vm.status) {
            $vm.status = $status
            $changed = $true
        }
    }
    $changed
}
