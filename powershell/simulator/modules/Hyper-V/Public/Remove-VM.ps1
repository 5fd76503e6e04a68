function Remove-VM {
    <#
    .SYNOPSIS
    (Simulated) Deletes a virtual machine: its configuration files and its checkpoints' configuration files,
    never its virtual disks.
    .DESCRIPTION
    The VM must be Off or Saved (else InvalidState) and not clustered (remove its cluster role first). When it
    has checkpoints, their differencing disks merge after Remove-VM returns (mergeDelayMs) and stay locked
    meanwhile; every disk and ISO it used stays locked for releaseDelayMs. Asks for confirmation (ConfirmImpact
    High) unless -Force: pass -Force in scripts, a prompt hangs a remote job.
    .EXAMPLE
    Hyper-V\Remove-VM -VM $vm -Force
    #>
    [CmdletBinding(DefaultParameterSetName = 'Name', SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Name', Position = 0, ValueFromPipeline)]
        [Alias('VMName')]
        [string[]] $Name,

        [Parameter(ParameterSetName = 'Name')]
        [string[]] $ComputerName,

        [Parameter(Mandatory, ParameterSetName = 'VMObject', Position = 0, ValueFromPipeline)]
        [PSTypeName('Microsoft.HyperV.PowerShell.VirtualMachine')]
        [object[]] $VM,

        [switch] $Force,

        [switch] $Passthru
    )
    process {
        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) {
            $ConfirmPreference = 'None'
        }
        $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $targets = foreach ($record in Resolve-VMRecord -State $State -Result $result -CommandName 'Remove-VM' -VM $VM -Name $Name -ComputerName $ComputerName) {
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Remove-VM' -Candidates @($record.id, $record.name) -TargetObject $record.name)) {
                    @{ Id = $record.id; Name = $record.name }
                }
            }
            @{ Result = $result; Targets = @($targets) }
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $plan.Result
        foreach ($target in $plan.Targets) {
            if ($PSCmdlet.ShouldProcess($target.Name, 'Remove-VM')) {
                $result = Invoke-SimTransaction -ArgumentList @($target.Id) -ScriptBlock {
                    param($State, $VMId)
                    Remove-VMRecord -State $State -VMId $VMId -Passthru:$Passthru
                }
                Write-SimResult -Cmdlet $PSCmdlet -Result $result
            }
        }
    }
}
