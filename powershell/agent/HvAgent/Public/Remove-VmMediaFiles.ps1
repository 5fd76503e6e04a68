function Remove-VmMediaFiles {
    <#
    .SYNOPSIS
    The media step (seed step 5, S4): removes every DVD drive, verifies each is gone, then deletes the plan's
    ISO files (attached ISOs in the VM's own folders, and the provisioning-ISO sweep) that no other VM uses now.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    $removed = 0
    if ($null -ne $Job.Vm) {
        foreach ($drive in @(Hyper-V\Get-VMDvdDrive -VM $Job.Vm -ErrorAction Stop)) {
            $record = ConvertTo-DriveRecord -Drive $drive
            $label = 'DVD drive ' + $record.ControllerType + ' ' + $record.ControllerNumber + ':' + $record.ControllerLocation
            if (-not [string]::IsNullOrEmpty($record.Path)) { $label = $label + " ('" + $record.Path + "')" }
            Write-AgentLog -Message ('removing ' + $label)
            try {
                Hyper-V\Remove-VMDvdDrive -VMDvdDrive $drive -ErrorAction Stop
            } catch {
                $object = $record.Path
                if ([string]::IsNullOrEmpty($object)) { $object = $label }
                throw (New-AgentError -Code 'host_error' -Object $object -Message ('could not remove ' + $label + ': ' + $_.Exception.Message))
            }
            $still = @(Hyper-V\Get-VMDvdDrive -VM $Job.Vm -ControllerNumber $record.ControllerNumber -ControllerLocation $record.ControllerLocation -ErrorAction Stop)
            if ($still.Count -gt 0) {
                throw (New-AgentError -Code 'verify_failed' -Object $label -Message ($label + ' is still present after its removal'))
            }
            $removed++
        }
    }
    Update-DeleteJobReferences -Job $Job
    $files = @($Job.Plan.files_to_delete | Where-Object -FilterScript { $_.kind -eq 'iso' -or $_.kind -eq 'provisioning_iso' })
    foreach ($file in $files) {
        Remove-PlannedFile -Job $Job -File $file
    }
    return New-StepOutcome -Detail ([string] $removed + ' DVD drives removed, ' + $files.Count + ' ISO files handled')
}
