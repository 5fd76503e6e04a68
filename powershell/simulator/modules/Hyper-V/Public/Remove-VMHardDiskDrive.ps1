function Remove-VMHardDiskDrive {
    <#
    .SYNOPSIS
    (Simulated) Removes a hard disk drive from a virtual machine's current configuration.
    .DESCRIPTION
    Only the configuration changes: the disk file stays, checkpoints keep referencing their disks, and the
    released file stays locked for releaseDelayMs. An IDE drive cannot be removed while the VM runs.
    .EXAMPLE
    Hyper-V\Get-VMHardDiskDrive -VM $vm | Hyper-V\Remove-VMHardDiskDrive
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0)]
        [string] $VMName,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 1)]
        [ValidateSet('IDE', 'SCSI')]
        [string] $ControllerType,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 2)]
        [int] $ControllerNumber,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 3)]
        [int] $ControllerLocation,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMHardDiskDrive', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.HardDiskDrive')]
        [object[]] $VMHardDiskDrive,

        [switch] $Passthru
    )
    process {
        $position = @{ ControllerType = $ControllerType; ControllerNumber = $null; ControllerLocation = $null }
        if ($PSCmdlet.ParameterSetName -eq 'VMName') {
            $position.ControllerNumber = $ControllerNumber
            $position.ControllerLocation = $ControllerLocation
        }
        $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $targets = @(Resolve-VMDriveTarget -State $State -Result $result -CommandName 'Remove-VMHardDiskDrive' -Kind 'HardDrive' -Drive $VMHardDiskDrive -VMName $VMName -ComputerName $ComputerName @position)
            @{ Result = $result; Targets = $targets }
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $plan.Result
        foreach ($target in $plan.Targets) {
            if (-not $PSCmdlet.ShouldProcess($target.Label, 'Remove-VMHardDiskDrive')) {
                continue
            }
            $result = Invoke-SimTransaction -ArgumentList @(, $target) -ScriptBlock {
                param($State, $Target)
                $result = New-SimResult
                $found = Find-VMDriveRecord -State $State -Result $result -CommandName 'Remove-VMHardDiskDrive' -Kind 'HardDrive' -Target $Target
                if ($found -and (Test-VMDriveHotRemove -State $State -Result $result -CommandName 'Remove-VMHardDiskDrive' -Found $found)) {
                    $shown = ConvertTo-HardDiskDriveObject -VM $found.VM -Drive $found.Drive
                    $found.VM.hardDrives = @($found.VM.hardDrives | Where-Object -FilterScript { -not [object]::ReferenceEquals($_, $found.Drive) })
                    if ($found.Drive.path) {
                        Add-SimLock -State $State -Path $found.Drive.path -Milliseconds ([int] $State.behaviour.releaseDelayMs) -Reason 'released'
                    }
                    if ($Passthru) {
                        $result.Output.Add($shown)
                    }
                }
                $result
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
