function Get-VMDvdDrive {
    <#
    .SYNOPSIS
    (Simulated) Gets the DVD drives of virtual machines or of a checkpoint.
    .DESCRIPTION
    Path is the ISO in the drive ($null when empty). A checkpoint records only the ISO paths it had.
    .EXAMPLE
    Hyper-V\Get-VMDvdDrive -VM $vm
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    [OutputType('Microsoft.HyperV.PowerShell.DvdDrive')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'VMName', Position = 0, ValueFromPipeline)]
        [string[]] $VMName,

        [Parameter(ParameterSetName = 'VMName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [Parameter(Mandatory, ParameterSetName = 'VMSnapshot', Position = 0, ValueFromPipeline)]
        [Alias('VMCheckpoint')]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSnapshot')]
        [object] $VMSnapshot,

        [int] $ControllerNumber,

        [int] $ControllerLocation
    )
    process {
        # The transaction's script block has its own $PSBoundParameters: keep the cmdlet's.
        $filters = $PSBoundParameters
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            foreach ($source in Resolve-VMDriveSource -State $State -Result $result -CommandName 'Get-VMDvdDrive' -Kind 'DvdDrive' -VM $VM -VMName $VMName -ComputerName $ComputerName -VMSnapshot $VMSnapshot) {
                foreach ($drive in $source.Drives) {
                    if ($filters.ContainsKey('ControllerNumber') -and $drive.controllerNumber -ne $ControllerNumber) { continue }
                    if ($filters.ContainsKey('ControllerLocation') -and $drive.controllerLocation -ne $ControllerLocation) { continue }
                    $candidates = @($source.VM.id, $source.VM.name, $drive.path)
                    if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VMDvdDrive' -Candidates $candidates -TargetObject $drive.path)) {
                        $result.Output.Add((ConvertTo-VMDriveObject -Kind DvdDrive -VM $source.VM -Drive $drive -Snapshot $source.Snapshot))
                    }
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
