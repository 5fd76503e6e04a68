function New-SimVMRecord {
    <#
    .SYNOPSIS
    One VM record of the state from a scenario VM: normalised paths and every field the simulator reads, with
    Hyper-V's defaults (checkpoint and smart paging folders = the VM's folder, generation 2 on SCSI, ...).
    A scenario may give "uptimeSeconds" instead of "startedAt" for a running VM.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $Source,

        [Parameter(Mandatory)]
        [string] $Id,

        [Parameter(Mandatory)]
        [hashtable] $HostInfo,

        [Parameter(Mandatory)]
        [datetime] $Now
    )
    $generation = if ($Source.generation) { [int] $Source.generation } else { 2 }
    $controller = if ($generation -eq 1) { 'IDE' } else { 'SCSI' }
    $path = Format-SimPath -Path $(if ($Source.path) { $Source.path } else { $HostInfo.virtualMachinePath })
    $state = if ($Source.state) { [string] $Source.state } else { 'Off' }
    $running = @('Running', 'Paused') -contains (Get-SimBaseState -Name $state)
    $memory = if ($Source.memoryStartupBytes) { [int64] $Source.memoryStartupBytes } else { 2147483648 }
    $startedAt = $Source.startedAt
    if ($running -and -not $startedAt) {
        $uptime = if ($Source.uptimeSeconds) { [double] $Source.uptimeSeconds } else { 3600 }
        $startedAt = Format-SimTime -Time $Now.AddSeconds(-$uptime)
    }
    $location = 0
    $hardDrives = @(@($Source.hardDrives) | Where-Object -FilterScript { $_ } | ForEach-Object -Process {
            $drive = if ($_ -is [string]) { @{ path = $_ } } else { $_ }
            [ordered]@{
                controllerType     = $(if ($drive.controllerType) { $drive.controllerType } else { $controller })
                controllerNumber   = $(if ($null -ne $drive.controllerNumber) { [int] $drive.controllerNumber } else { 0 })
                controllerLocation = $(if ($null -ne $drive.controllerLocation) { [int] $drive.controllerLocation } else { $location })
                path               = $(if ($drive.path) { Format-SimPath -Path $drive.path } else { $null })
                diskNumber         = $drive.diskNumber
            }
            $location++
        })
    # Generation 1 puts its DVD drive at IDE 1:0; generation 2 after the disks on SCSI 0.
    $dvdLocation = if ($generation -eq 1) { 0 } else { $hardDrives.Count }
    $dvdDrives = @(@($Source.dvdDrives) | Where-Object -FilterScript { $_ } | ForEach-Object -Process {
            $drive = if ($_ -is [string]) { @{ path = $_ } } else { $_ }
            [ordered]@{
                controllerType     = $(if ($drive.controllerType) { $drive.controllerType } else { $controller })
                controllerNumber   = $(if ($null -ne $drive.controllerNumber) { [int] $drive.controllerNumber } elseif ($generation -eq 1) { 1 } else { 0 })
                controllerLocation = $(if ($null -ne $drive.controllerLocation) { [int] $drive.controllerLocation } else { $dvdLocation })
                path               = $(if ($drive.path) { Format-SimPath -Path $drive.path } else { $null })
            }
            $dvdLocation++
        })
    $snapshots = @(@($Source.snapshots) | Where-Object -FilterScript { $_ } | ForEach-Object -Process {
            $checkpoint = $_
            $index = 0
            [ordered]@{
                id               = ([guid] $checkpoint.id).ToString()
                name             = $checkpoint.name
                parentSnapshotId = $(if ($checkpoint.parentSnapshotId) { ([guid] $checkpoint.parentSnapshotId).ToString() } else { $null })
                createdAt        = $(if ($checkpoint.createdAt) { $checkpoint.createdAt } else { Format-SimTime -Time $Now.AddDays(-7) })
                hardDrives       = @(@($checkpoint.hardDrives) | ForEach-Object -Process {
                        $drive = if ($_ -is [string]) { @{ path = $_ } } else { $_ }
                        $like = if ($index -lt $hardDrives.Count) { $hardDrives[$index] } else { @{ controllerType = $controller; controllerNumber = 0; controllerLocation = $index } }
                        [ordered]@{
                            controllerType     = $(if ($drive.controllerType) { $drive.controllerType } else { $like.controllerType })
                            controllerNumber   = $(if ($null -ne $drive.controllerNumber) { [int] $drive.controllerNumber } else { $like.controllerNumber })
                            controllerLocation = $(if ($null -ne $drive.controllerLocation) { [int] $drive.controllerLocation } else { $like.controllerLocation })
                            path               = Format-SimPath -Path $drive.path
                        }
                        $index++
                    })
                dvdDrives        = @(@($checkpoint.dvdDrives) | ForEach-Object -Process { if ($_ -is [string]) { Format-SimPath -Path $_ } elseif ($_.path) { Format-SimPath -Path $_.path } })
            }
        })
    [ordered]@{
        id                   = $Id
        name                 = [string] $Source.name
        computerName         = $(if ($Source.computerName) { $Source.computerName } else { $HostInfo.computerName })
        generation           = $generation
        state                = $state
        status               = $(if ($Source.status) { $Source.status } else { 'Operating normally' })
        path                 = $path
        snapshotFileLocation = $(if ($Source.snapshotFileLocation) { Format-SimPath -Path $Source.snapshotFileLocation } else { $path })
        smartPagingFilePath  = $(if ($Source.smartPagingFilePath) { Format-SimPath -Path $Source.smartPagingFilePath } else { $path })
        processorCount       = $(if ($Source.processorCount) { [int] $Source.processorCount } else { 2 })
        memoryStartupBytes   = $memory
        memoryAssignedBytes  = $(if ($running) { $memory } else { 0 })
        startedAt            = $(if ($running) { $startedAt } else { $null })
        createdAt            = $(if ($Source.createdAt) { $Source.createdAt } else { Format-SimTime -Time $Now.AddDays(-30) })
        isClustered          = $false
        guestShutdownService = $(if ($null -ne $Source.guestShutdownService) { [bool] $Source.guestShutdownService } else { $true })
        notes                = $(if ($Source.notes) { [string] $Source.notes } else { '' })
        transition           = $null
        hardDrives           = $hardDrives
        dvdDrives            = $dvdDrives
        snapshots            = $snapshots
    }
}
