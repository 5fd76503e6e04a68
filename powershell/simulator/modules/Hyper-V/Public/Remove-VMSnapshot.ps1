function Remove-VMSnapshot {
    <#
    .SYNOPSIS
    (Simulated) Deletes checkpoints; their differencing disks merge afterwards.
    .DESCRIPTION
    Returns at once. The merge completes mergeDelayMs later: meanwhile the VM's Status reads "Merging disks"
    and the merging .avhdx files (and their targets) are locked; then the .avhdx files are gone and the VM's
    drives point at the merged parent. -IncludeAllChildSnapshots removes the checkpoint's subtree too; without
    it, children move up to the removed checkpoint's parent.
    .EXAMPLE
    Hyper-V\Get-VMSnapshot -VM $vm | Hyper-V\Remove-VMSnapshot -IncludeAllChildSnapshots
    #>
    [CmdletBinding(DefaultParameterSetName = 'SnapshotName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'SnapshotName', Position = 0)]
        [string[]] $VMName,

        [Parameter(ParameterSetName = 'SnapshotName')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [Parameter(ParameterSetName = 'SnapshotName', Position = 1, ValueFromPipeline)]
        [Parameter(ParameterSetName = 'VMObject', Position = 1, ValueFromPipeline)]
        [string[]] $Name,

        [Parameter(Mandatory, ParameterSetName = 'SnapshotObject', Position = 0, ValueFromPipeline)]
        [Alias('VMCheckpoint')]
        [PSTypeName('Microsoft.HyperV.PowerShell.VMSnapshot')]
        [object[]] $VMSnapshot,

        [Alias('IncludeAllChildCheckpoints')]
        [switch] $IncludeAllChildSnapshots,

        [switch] $Passthru
    )
    process {
        $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $targets = @(Resolve-VMSnapshotTarget -State $State -Result $result -VMSnapshot $VMSnapshot -VM $VM -VMName $VMName -ComputerName $ComputerName -Name $Name)
            @{ Result = $result; Targets = $targets }
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $plan.Result
        foreach ($target in $plan.Targets) {
            if (-not $PSCmdlet.ShouldProcess($target.Label, 'Remove-VMSnapshot')) {
                continue
            }
            $result = Invoke-SimTransaction -ArgumentList @(, $target) -ScriptBlock {
                param($State, $Target)
                Remove-VMSnapshotRecord -State $State -Target $Target -IncludeAllChildSnapshots:$IncludeAllChildSnapshots -Passthru:$Passthru
            }
            Write-SimResult -Cmdlet $PSCmdlet -Result $result
        }
    }
}
