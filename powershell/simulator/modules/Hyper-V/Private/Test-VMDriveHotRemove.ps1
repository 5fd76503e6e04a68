function Test-VMDriveHotRemove {
    <#
    .SYNOPSIS
    Inside a transaction: whether a drive may be removed now. An IDE drive cannot be removed while its VM runs
    (SCSI drives can); the refusal is an InvalidState error added to the result.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [hashtable] $Found
    )
    $running = @('Running', 'Paused', 'Starting', 'Stopping', 'Saving') -contains (Get-SimBaseState -Name $Found.VM.state)
    if ($running -and $Found.Drive.controllerType -ieq 'IDE') {
        $message = "'$($Found.VM.name)' failed to modify device: an IDE drive cannot be removed while the virtual machine is running."
        $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidState' -Category InvalidOperation -CommandName $CommandName -TargetObject $Found.VM.name))
        return $false
    }
    $true
}
