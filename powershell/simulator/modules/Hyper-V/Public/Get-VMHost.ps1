function Get-VMHost {
    <#
    .SYNOPSIS
    (Simulated) Gets the Hyper-V host: its name, default virtual machine and virtual hard disk folders,
    processors and memory.
    .EXAMPLE
    (Hyper-V\Get-VMHost).VirtualMachinePath
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.HyperV.PowerShell.VMHost')]
    param(
        [Parameter(Position = 0, ValueFromPipeline)]
        [string[]] $ComputerName
    )
    process {
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $nodes = @(Resolve-VMComputerName -State $State -Result $result -CommandName 'Get-VMHost' -ComputerName $ComputerName)
            foreach ($node in $nodes | Select-Object -Unique) {
                if (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VMHost' -Candidates @($node) -TargetObject $node) {
                    continue
                }
                $info = $State.host
                $fqdn = if ($info.fullyQualifiedDomainName -and $node -ieq $info.computerName) { $info.fullyQualifiedDomainName } else { $node }
                $result.Output.Add([pscustomobject]@{
                        PSTypeName                      = 'Microsoft.HyperV.PowerShell.VMHost'
                        ComputerName                    = $node
                        Name                            = $node
                        FullyQualifiedDomainName        = $fqdn
                        VirtualMachinePath              = $info.virtualMachinePath
                        VirtualHardDiskPath             = $info.virtualHardDiskPath
                        LogicalProcessorCount           = [int] $info.logicalProcessorCount
                        MemoryCapacity                  = [int64] $info.memoryCapacityBytes
                        MacAddressMinimum               = '00155D010000'
                        MacAddressMaximum               = '00155D0100FF'
                        MaximumStorageMigrations        = 2
                        MaximumVirtualMachineMigrations = 2
                        VirtualMachineMigrationEnabled  = $false
                        NumaSpanningEnabled             = $true
                        EnableEnhancedSessionMode       = $false
                    })
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
