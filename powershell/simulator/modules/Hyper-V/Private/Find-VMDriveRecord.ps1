function Find-VMDriveRecord {
    <#
    .SYNOPSIS
    Inside a transaction: the VM and its drive record at a target's controller position, or a not-found error
    added to the result (the VM or the drive went away since the target was resolved).
    .OUTPUTS
    @{ VM = <record>; Drive = <record> } or $null.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [ValidateSet('HardDrive', 'DvdDrive')]
        [string] $Kind,

        [Parameter(Mandatory)]
        [hashtable] $Target
    )
    $record = Find-SimVM -State $State -Id $Target.VMId -AnyNode
    $drives = if (-not $record) { @() } elseif ($Kind -eq 'HardDrive') { @($record.hardDrives) } else { @($record.dvdDrives) }
    $drive = $drives | Where-Object -FilterScript {
        $_ -and $_.controllerType -ieq $Target.ControllerType -and $_.controllerNumber -eq $Target.ControllerNumber -and $_.controllerLocation -eq $Target.ControllerLocation
    } | Select-Object -First 1
    if (-not $drive) {
        $message = "Hyper-V was unable to find the drive $($Target.Label)."
        $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $Target.Label))
        return $null
    }
    @{ VM = $record; Drive = $drive }
}
