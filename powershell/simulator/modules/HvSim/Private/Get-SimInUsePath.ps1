function Get-SimInUsePath {
    <#
    .SYNOPSIS
    The files a running VM holds open, on any node: every disk of its current configuration with the whole
    parent chain, and the ISOs in its DVD drives. A VM counts as running when Running, Paused, Starting,
    Stopping or Saving (or the Critical variant of one of these).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State
    )
    $active = @('Running', 'Paused', 'Starting', 'Stopping', 'Saving')
    $paths = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($vm in $State.vms) {
        if ($active -notcontains (Get-SimBaseState -Name $vm.state)) {
            continue
        }
        foreach ($drive in @($vm.hardDrives)) {
            if ($drive -and $drive.path) {
                foreach ($path in Get-SimVhdChain -State $State -Path $drive.path) {
                    $null = $paths.Add($path)
                }
            }
        }
        foreach ($drive in @($vm.dvdDrives)) {
            if ($drive -and $drive.path) {
                $null = $paths.Add((Format-SimPath -Path $drive.path))
            }
        }
    }
    @($paths | Sort-Object)
}
