function Remove-VMDriveRecord {
    <#
    .SYNOPSIS
    The body of Remove-VMHardDiskDrive and Remove-VMDvdDrive: resolves the drives, removes each from the VM's
    configuration (ShouldProcess per drive) and keeps its file locked for releaseDelayMs.
    .DESCRIPTION
    Only the configuration changes: the file stays and checkpoints keep referencing it. An IDE drive cannot be
    removed while the VM runs. Errors go through the calling cmdlet, as the real cmdlets report them.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [ValidateSet('HardDrive', 'DvdDrive')]
        [string] $Kind,

        [object[]] $Drive,

        [string] $VMName,

        [string[]] $ComputerName,

        [Parameter(Mandatory)]
        [hashtable] $Position,

        [switch] $Passthru
    )
    $commandName = $Cmdlet.MyInvocation.MyCommand.Name
    $plan = Invoke-SimTransaction -ReadOnly -ScriptBlock {
        param($State)
        $result = New-SimResult
        $targets = @(Resolve-VMDriveTarget -State $State -Result $result -CommandName $commandName -Kind $Kind -Drive $Drive -VMName $VMName -ComputerName $ComputerName @Position)
        @{ Result = $result; Targets = $targets }
    }
    Write-SimResult -Cmdlet $Cmdlet -Result $plan.Result
    $listName = $(if ($Kind -eq 'DvdDrive') { 'dvdDrives' } else { 'hardDrives' })
    foreach ($target in $plan.Targets) {
        if (-not $Cmdlet.ShouldProcess($target.Label, $commandName)) {
            continue
        }
        $result = Invoke-SimTransaction -ArgumentList @(, $target) -ScriptBlock {
            param($State, $Target)
            $result = New-SimResult
            $found = Find-VMDriveRecord -State $State -Result $result -CommandName $commandName -Kind $Kind -Target $Target
            if ($found -and (Test-VMDriveHotRemove -State $State -Result $result -CommandName $commandName -Found $found)) {
                $shown = ConvertTo-VMDriveObject -Kind $Kind -VM $found.VM -Drive $found.Drive
                $found.VM[$listName] = @($found.VM[$listName] | Where-Object -FilterScript { -not [object]::ReferenceEquals($_, $found.Drive) })
                if ($found.Drive.path) {
                    Add-SimLock -State $State -Path $found.Drive.path -Milliseconds ([int] $State.behaviour.releaseDelayMs) -Reason 'released'
                }
                if ($Passthru) {
                    $result.Output.Add($shown)
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $Cmdlet -Result $result
    }
}
