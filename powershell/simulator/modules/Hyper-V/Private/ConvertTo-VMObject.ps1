function ConvertTo-VMObject {
    <#
    .SYNOPSIS
    A Microsoft.HyperV.PowerShell.VirtualMachine-shaped object for a VM record (Get-VM's output).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $VM
    )
    $now = [datetime]::UtcNow
    $base = Get-SimBaseState -Name $VM.state
    $uptime = [timespan]::Zero
    $startedAt = ConvertTo-SimTime -Value $VM.startedAt
    if (@('Running', 'Paused') -contains $base -and $null -ne $startedAt) {
        $uptime = [timespan]::FromSeconds([math]::Floor(($now - $startedAt).TotalSeconds))
    }
    $parent = Get-VMParentSnapshot -State $State -VM $VM
    $id = [guid] $VM.id
    [pscustomobject]@{
        PSTypeName             = 'Microsoft.HyperV.PowerShell.VirtualMachine'
        Name                   = $VM.name
        Id                     = $id
        VMId                   = $id
        VMName                 = $VM.name
        State                  = [VMState] $VM.state
        Status                 = $VM.status
        ComputerName           = $VM.computerName
        IsClustered            = [bool] $VM.isClustered
        Generation             = [int] $VM.generation
        Version                = '10.0'
        Path                   = $VM.path
        ConfigurationLocation  = $VM.path
        SnapshotFileLocation   = $VM.snapshotFileLocation
        CheckpointFileLocation = $VM.snapshotFileLocation
        SmartPagingFilePath    = $VM.smartPagingFilePath
        ProcessorCount         = [int64] $VM.processorCount
        MemoryStartup          = [int64] $VM.memoryStartupBytes
        MemoryAssigned         = [int64] $VM.memoryAssignedBytes
        DynamicMemoryEnabled   = $false
        Uptime                 = $uptime
        CPUUsage               = $(if ($base -eq 'Running') { 3 } else { 0 })
        CreationTime           = $(if ($VM.createdAt) { (ConvertTo-SimTime -Value $VM.createdAt).ToLocalTime() } else { [datetime]::MinValue })
        Notes                  = $VM.notes
        ParentSnapshotId       = $(if ($parent) { [guid] $parent.id } else { $null })
        ParentSnapshotName     = $(if ($parent) { $parent.name } else { $null })
        HardDrives             = @(@($VM.hardDrives) | ForEach-Object -Process { ConvertTo-VMDriveObject -Kind HardDrive -VM $VM -Drive $_ })
        DVDDrives              = @(@($VM.dvdDrives) | ForEach-Object -Process { ConvertTo-VMDriveObject -Kind DvdDrive -VM $VM -Drive $_ })
    }
}
