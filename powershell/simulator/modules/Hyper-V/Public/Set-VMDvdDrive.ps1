function Set-VMDvdDrive {
    <#
    .SYNOPSIS
    (Simulated) Changes the media of a virtual DVD drive: -Path <iso> inserts an ISO, -Path $null ejects.
    .DESCRIPTION
    The ISO must exist. The ISO taken out stays locked for releaseDelayMs.
    .EXAMPLE
    Hyper-V\Get-VMDvdDrive -VM $vm | Hyper-V\Set-VMDvdDrive -Path $null
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0)]
        [string] $VMName,

        [Parameter(ParameterSetName = 'VMName', Position = 1)]
        [int] $ControllerNumber,

        [Parameter(ParameterSetName = 'VMName', Position = 2)]
        [int] $ControllerLocation,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'Object', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.DvdDrive')]
        [object[]] $VMDvdDrive,

        [Parameter(Position = 3)]
        [AllowNull()]
        [AllowEmptyString()]
        [string] $Path,

        [switch] $Passthru
    )
    process {
        $position = @{ ControllerNumber = $null; ControllerLocation = $null }
        foreach ($key in 'ControllerNumber', 'ControllerLocation') {
            if ($PSBoundParameters.ContainsKey($key)) {
                $position[$key] = $PSBoundParameters[$key]
            }
        }
        $changeMedia = $PSBoundParameters.ContainsKey('Path')
        $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $targets = @(Resolve-VMDriveTarget -State $State -Result $result -CommandName 'Set-VMDvdDrive' -Kind 'DvdDrive' -Drive $VMDvdDrive -VMName $VMName -ComputerName $ComputerName @position)
            @{ Result = $result; Targets = $targets }
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $plan.Result
        foreach ($target in $plan.Targets) {
            if (-not $PSCmdlet.ShouldProcess($target.Label, 'Set-VMDvdDrive')) {
                continue
            }
            $result = Invoke-SimTransaction -ArgumentList @(, $target) -ScriptBlock {
                param($State, $Target)
                $result = New-SimResult
                $found = Find-VMDriveRecord -State $State -Result $result -CommandName 'Set-VMDvdDrive' -Kind 'DvdDrive' -Target $Target
                if (-not $found) {
                    return $result
                }
                if ($changeMedia) {
                    $new = if ([string]::IsNullOrEmpty($Path)) { $null } else { Format-SimPath -Path $Path }
                    if ($new -and ($new -notmatch '^[A-Z]:\\' -or -not [System.IO.File]::Exists((ConvertTo-SimRealPath -Path $new)))) {
                        $message = "Failed to add device 'Virtual CD/DVD Disk'. The system cannot find the file specified: '$Path'."
                        $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName 'Set-VMDvdDrive' -TargetObject $Path -ExceptionKind ItemNotFound))
                        return $result
                    }
                    $old = $found.Drive.path
                    $found.Drive.path = $new
                    if ($old -and $old -ine $new) {
                        Add-SimLock -State $State -Path $old -Milliseconds ([int] $State.behaviour.releaseDelayMs) -Reason 'released'
                    }
                }
                if ($Passthru) {
                    $result.Output.Add((ConvertTo-VMDriveObject -Kind DvdDrive -VM $found.VM -Drive $found.Drive))
                }
                $result
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
