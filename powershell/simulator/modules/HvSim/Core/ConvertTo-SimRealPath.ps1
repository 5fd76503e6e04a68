function ConvertTo-SimRealPath {
    <#
    .SYNOPSIS
    Maps a Windows path of the simulated host onto the sandbox: C:\VMs\web01\a.vhdx -> <sandbox>/C/VMs/web01/a.vhdx.
    .DESCRIPTION
    Windows paths are case-insensitive: when the exact-case path does not exist, each segment is matched
    case-insensitively against what does exist. Only the simulator uses the result (with .NET file APIs);
    scripts under test use the drive-letter path with the provider cmdlets, which the global PSDrives map.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [string] $Root
    )
    if (-not $Root) {
        $Root = Get-SimRoot -AllowMissingState
    }
    $normal = Format-SimPath -Path $Path
    if ($normal -notmatch '^([A-Z]):\\(.*)$') {
        throw "Not a rooted Windows path: '$Path'."
    }
    $segments = @($Matches[2].Split([char]'\', [System.StringSplitOptions]::RemoveEmptyEntries))
    $real = [System.IO.Path]::Combine(@($Root, $Matches[1]) + $segments)
    if ([System.IO.File]::Exists($real) -or [System.IO.Directory]::Exists($real)) {
        return $real
    }
    $resolved = [System.IO.Path]::Combine($Root, $Matches[1])
    foreach ($segment in $segments) {
        $next = [System.IO.Path]::Combine($resolved, $segment)
        if (-not ([System.IO.File]::Exists($next) -or [System.IO.Directory]::Exists($next)) -and [System.IO.Directory]::Exists($resolved)) {
            $match = [System.IO.Directory]::EnumerateFileSystemEntries($resolved) |
                Where-Object -FilterScript { [System.IO.Path]::GetFileName($_) -ieq $segment } | Select-Object -First 1
            if ($match) {
                $next = $match
            }
        }
        $resolved = $next
    }
    $resolved
}
