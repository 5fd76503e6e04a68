function Get-UnixTime {
    <#
    .SYNOPSIS
    Seconds since 1970-01-01 UTC, now (whole seconds).
    #>
    [CmdletBinding()]
    [OutputType([long])]
    param()
    return [long] [math]::Floor(((Get-Date).ToUniversalTime() - [datetime]'1970-01-01').TotalSeconds)
}
