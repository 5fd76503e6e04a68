function ConvertFrom-SimRealPath {
    <#
    .SYNOPSIS
    The Windows path of a sandbox path (<sandbox>/C/VMs/a.vhdx -> C:\VMs\a.vhdx); other paths come back
    normalised but unchanged. Lets Get-ChildItem ... | Get-VHD work, since FullName is the sandbox path.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $Root
    )
    $prefix = $Root.TrimEnd([System.IO.Path]::DirectorySeparatorChar) + [System.IO.Path]::DirectorySeparatorChar
    if ($Path.StartsWith($prefix, [System.StringComparison]::Ordinal)) {
        $rest = $Path.Substring($prefix.Length).Split([System.IO.Path]::DirectorySeparatorChar, 2)
        if ($rest[0] -match '^[A-Za-z]$') {
            $tail = if ($rest.Count -gt 1) { $rest[1] } else { '' }
            return Format-SimPath -Path "$($rest[0]):\$tail"
        }
    }
    Format-SimPath -Path $Path
}
