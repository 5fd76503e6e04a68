function Stop-SimReleaser {
    <#
    .SYNOPSIS
    Disarms a releaser armed by Start-SimReleaser by deleting its token; the sleeping process then exits
    without touching the file.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [AllowNull()]
        [AllowEmptyString()]
        [string] $Token
    )
    if ([string]::IsNullOrEmpty($Token)) {
        return
    }
    $tokenPath = [System.IO.Path]::Combine($Root, '.hvsim', 'tokens', $Token)
    if ([System.IO.File]::Exists($tokenPath)) {
        [System.IO.File]::Delete($tokenPath)
    }
}
