function Get-VmDiskPathList {
    <#
    .SYNOPSIS
    Every virtual disk file a VM record names: attached disks, its checkpoints' disks, and disks of a former run.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Record
    )
    $paths = @()
    foreach ($drive in @($Record.HardDrives)) {
        if ($null -ne $drive -and -not [string]::IsNullOrEmpty($drive.Path)) { $paths += [string] $drive.Path }
    }
    foreach ($checkpoint in @($Record.Checkpoints)) {
        if ($null -ne $checkpoint) { $paths += @($checkpoint.DiskPaths | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) }) }
    }
    $paths += @($Record.FormerDiskPaths | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })
    return $paths
}
