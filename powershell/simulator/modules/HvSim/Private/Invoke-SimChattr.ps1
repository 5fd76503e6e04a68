function Invoke-SimChattr {
    <#
    .SYNOPSIS
    Sets (Lock) or clears (Unlock) the immutable attribute of existing files and folders in one chattr call.
    A no-op where locks cannot be enforced (see Test-SimChattr).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [Parameter(Mandatory)]
        [ValidateSet('Lock', 'Unlock')]
        [string] $Mode,

        [AllowEmptyCollection()]
        [string[]] $RealPath = @()
    )
    $existing = @($RealPath | Where-Object -FilterScript { $_ -and ([System.IO.File]::Exists($_) -or [System.IO.Directory]::Exists($_)) })
    if ($existing.Count -eq 0 -or -not (Test-SimChattr -Root $Root)) {
        return
    }
    $flag = if ($Mode -eq 'Lock') { '+i' } else { '-i' }
    $null = Invoke-SimProcess -FilePath 'chattr' -ArgumentList (@($flag, '--') + $existing) -Wait
}
