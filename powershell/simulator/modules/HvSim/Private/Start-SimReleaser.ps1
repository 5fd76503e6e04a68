function Start-SimReleaser {
    <#
    .SYNOPSIS
    Arms a detached process that clears the immutable attribute of one path when its timed lock ends, so the
    file becomes deletable on time even if no simulator cmdlet runs meanwhile. Returns the token that
    Stop-SimReleaser deletes to disarm it (a later, longer lock on the same path supersedes it).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [Parameter(Mandatory)]
        [string] $RealPath,

        [Parameter(Mandatory)]
        [datetime] $Until
    )
    if (-not (Test-SimChattr -Root $Root)) {
        return $null
    }
    $folder = [System.IO.Path]::Combine($Root, '.hvsim', 'tokens')
    $null = [System.IO.Directory]::CreateDirectory($folder)
    $token = [guid]::NewGuid().ToString('N')
    $tokenPath = [System.IO.Path]::Combine($folder, $token)
    [System.IO.File]::WriteAllText($tokenPath, $RealPath)
    $seconds = [math]::Max(0.01, ($Until - [datetime]::UtcNow).TotalSeconds)
    $delay = $seconds.ToString('0.###', [System.Globalization.CultureInfo]::InvariantCulture)
    # $1 delay, $2 the locked path, $3 the token: no token (disarmed or sandbox removed) means do nothing.
    $script = 'sleep "$1"; if [ -e "$3" ]; then rm -f -- "$3"; chattr -i -- "$2"; fi'
    Invoke-SimProcess -FilePath '/bin/sh' -ArgumentList @('-c', $script, 'sh', $delay, $RealPath, $tokenPath)
    $token
}
