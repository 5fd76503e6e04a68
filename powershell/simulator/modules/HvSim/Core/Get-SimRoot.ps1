function Get-SimRoot {
    <#
    .SYNOPSIS
    The sandbox of the simulated host ($env:HVSIM_ROOT) as a full path.
    .DESCRIPTION
    Fails with a clear message when HVSIM_ROOT is unset or does not hold a state.json (unless -AllowMissingState).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([switch] $AllowMissingState)

    $root = $env:HVSIM_ROOT
    if ([string]::IsNullOrWhiteSpace($root)) {
        throw 'HVSIM_ROOT is not set: point it at a sandbox built by New-LabHost.ps1.'
    }
    $full = [System.IO.Path]::GetFullPath($root)
    if (-not $AllowMissingState -and -not [System.IO.File]::Exists([System.IO.Path]::Combine($full, 'state.json'))) {
        throw "No simulated host at '$full': state.json is missing (build one with New-LabHost.ps1)."
    }
    $full
}
