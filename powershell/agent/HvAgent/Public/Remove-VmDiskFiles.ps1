function Remove-VmDiskFiles {
    <#
    .SYNOPSIS
    The disks step (seed step 4, S4): detaches every hard disk drive (pass-through disks are only detached),
    verifies each is detached, then deletes the plan's disk and checkpoint-disk files that no other VM uses now.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    $detached = 0
    if ($null -ne $Job.Vm) {
        foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $Job.Vm -ErrorAction Stop)) {
            $record = ConvertTo-DriveRecord -Drive $drive
            $label = $record.Path
            if ($null -ne $record.DiskNumber) { $label = 'pass-through disk ' + $record.DiskNumber }
            $where = $record.ControllerType + ' ' + $record.ControllerNumber + ':' + $record.ControllerLocation
            Write-AgentLog -Message ("detaching '" + $label + "' (" + $where + ')')
            try {
                Hyper-V\Remove-VMHardDiskDrive -VMHardDiskDrive $drive -ErrorAction Stop
            } catch {
                throw (New-AgentError -Code 'host_error' -Object $label -Message ("could not detach '" + $label + "' (" + $where + '): ' + $_.Exception.Message))
            }
            $still = @(Hyper-V\Get-VMHardDiskDrive -VM $Job.Vm -ControllerType $drive.ControllerType -ControllerNumber $record.ControllerNumber -ControllerLocation $record.ControllerLocation -ErrorAction Stop)
            if ($still.Count -gt 0) {
                throw (New-AgentError -Code 'verify_failed' -Object $label -Message ("'" + $label + "' is still attached at " + $where + ' after its removal'))
            }
            $detached++
        }
    }
    Update-DeleteJobReferences -Job $Job
    $files = @($Job.Plan.files_to_delete | Where-Object -FilterScript { $_.kind -eq 'disk' -or $_.kind -eq 'checkpoint_disk' })
    foreach ($file in $files) {
        Remove-PlannedFile -Job $Job -File $file
    }
    return New-StepOutcome -Detail ([string] $detached + ' drives detached, ' + $files.Count + ' disk files handled')
}
