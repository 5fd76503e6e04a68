function Get-VMHardDiskDrive {
    <#
    .SYNOPSIS
    (Simulated) Gets the virtual hard disk drives of virtual machines or of a checkpoint.
    .DESCRIPTION
    Pass-through disks have a DiskNumber and no Path. A checkpoint's drives are the disks it references,
    which Remove-VMHardDiskDrive on the VM does not change.
    .EXAMPLE
    Hyper-V\Get-VMHardDiskDrive -VM $vm
    #>
    [CmdletBinding(DefaultParameterSetName = 'VMName')]
    [OutputType('Microsoft.HyperV.PowerShell.HardDiskDrive')]
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

        [ValidateSet('IDE', 'SCSI')]
        [string] $ControllerType,

        [int] $ControllerNumber,

        [int] $ControllerLocation
    )
    process {
        # The transaction's script block has its own $PSBoundParameters: keep the cmdlet's.
        $filters = $PSBoundParameters
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            foreach ($source in Resolve-VMDriveSource -State $State -Result $result -CommandName 'Get-VMHardDiskDrive' -Kind 'HardDrive' -VM $VM -VMName $VMName -ComputerName $ComputerName -VMSnapshot $VMSnapshot) {
                foreach ($drive in $source.Drives) {
                    if ($filters.ContainsKey('ControllerType') -and $drive.controllerType -ine $ControllerType) { continue }
                    if ($filters.ContainsKey('ControllerNumber') -and $drive.controllerNumber -ne $ControllerNumber) { continue }
                    if ($filters.ContainsKey('ControllerLocation') -and $drive.controllerLocation -ne $ControllerLocation) { continue }
                    $candidates = @($source.VM.id, $source.VM.name, $drive.path)
                    if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VMHardDiskDrive' -Candidates $candidates -TargetObject $drive.path)) {
                        $result.Output.Add((ConvertTo-VMDriveObject -Kind HardDrive -VM $source.VM -Drive $drive -Snapshot $source.Snapshot))
                    }
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
