function Remove-VMDvdDrive {
    <#
    .SYNOPSIS
    (Simulated) Removes a DVD drive from a virtual machine.
    .DESCRIPTION
    The ISO file stays and remains locked for releaseDelayMs. An IDE drive cannot be removed while the VM runs.
    .EXAMPLE
    Hyper-V\Get-VMDvdDrive -VM $vm | Hyper-V\Remove-VMDvdDrive
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0)]
        [string] $VMName,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 1)]
        [int] $ControllerNumber,

        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 2)]
        [int] $ControllerLocation,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMDvdDrive', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.DvdDrive')]
        [object[]] $VMDvdDrive,

        [switch] $Passthru
    )
    process {
        $position = @{ ControllerNumber = $null; ControllerLocation = $null }
        if ($PSCmdlet.ParameterSetName -eq 'VMName') {
            $position.ControllerNumber = $ControllerNumber
            $position.ControllerLocation = $ControllerLocation
        }
        $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $targets = @(Resolve-VMDriveTarget -State $State -Result $result -CommandName 'Remove-VMDvdDrive' -Kind 'DvdDrive' -Drive $VMDvdDrive -VMName $VMName -ComputerName $ComputerName @position)
            @{ Result = $result; Targets = $targets }
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $plan.Result
        foreach ($target in $plan.Targets) {
            if (-not $PSCmdlet.ShouldProcess($target.Label, 'Remove-VMDvdDrive')) {
                continue
            }
            $result = Invoke-SimTransaction -ArgumentList @(, $target) -ScriptBlock {
                param($State, $Target)
                $result = New-SimResult
                $found = Find-VMDriveRecord -State $State -Result $result -CommandName 'Remove-VMDvdDrive' -Kind 'DvdDrive' -Target $Target
                if ($found -and (Test-VMDriveHotRemove -State $State -Result $result -CommandName 'Remove-VMDvdDrive' -Found $found)) {
                    $shown = ConvertTo-DvdDriveObject -VM $found.VM -Drive $found.Drive
                    $found.VM.dvdDrives = @($found.VM.dvdDrives | Where-Object -FilterScript { -not [object]::ReferenceEquals($_, $found.Drive) })
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
