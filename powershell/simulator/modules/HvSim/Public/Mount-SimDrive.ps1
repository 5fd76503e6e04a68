function Mount-SimDrive {
    <#
    .SYNOPSIS
    Maps each drive letter of the simulated host onto its sandbox folder with a global PSDrive, so that
    C:\VMs\web01\web01.vhdx resolves to <sandbox>/C/VMs/web01/web01.vhdx for the provider cmdlets.
    .DESCRIPTION
    Importing Hyper-V or FailoverClusters calls it, and every simulator call re-maps when HVSIM_ROOT has moved
    to another sandbox. Drives this module mapped for a previous sandbox are removed; a drive that exists
    but was not mapped by the simulator (the real C: on Windows) is left alone with a warning.
    .PARAMETER Root
    The sandbox; default $env:HVSIM_ROOT.
    .PARAMETER Drive
    The letters; default host.drives from the sandbox's state.json.
    .EXAMPLE
    Mount-SimDrive
    #>
    [CmdletBinding()]
    param(
        [string] $Root,

        [string[]] $Drive
    )
    $sandbox = if ($Root) { [System.IO.Path]::GetFullPath($Root) } else { Get-SimRoot }
    if (-not $Drive) {
        $text = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($sandbox, 'state.json'))
        $Drive = @((ConvertFrom-Json -InputObject $text -AsHashtable -DateKind String -Depth 64).host.drives)
    }
    foreach ($name in $script:MountedDrives) {
        Remove-PSDrive -Name $name -Scope Global -Force -ErrorAction Ignore
    }
    $script:MountedDrives = @()
    foreach ($letter in $Drive) {
        $folder = [System.IO.Path]::Combine($sandbox, $letter.ToUpperInvariant())
        $null = [System.IO.Directory]::CreateDirectory($folder)
        if (Get-PSDrive -Name $letter -Scope Global -ErrorAction Ignore) {
            Write-Warning -Message "HvSim: drive ${letter}: already exists and is not the simulator's; it is not mapped onto '$folder'."
            continue
        }
        $null = New-PSDrive -Name $letter.ToUpperInvariant() -PSProvider FileSystem -Root $folder -Scope Global
        $script:MountedDrives += $letter.ToUpperInvariant()
    }
    $script:MountedRoot = $sandbox
}
