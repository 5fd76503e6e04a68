function Write-AgentLog {
    <#
    .SYNOPSIS
    Writes one readable log line, '[HH:mm:ss] message', with control characters shown as \xNN.
    .DESCRIPTION
    VM names and paths are data: a name holding a newline must not split a log line, and no log line may start
    with the event marker, so control characters are made visible and every line starts with the time.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $Message
    )
    $builder = New-Object -TypeName System.Text.StringBuilder
    foreach ($character in $Message.ToCharArray()) {
        $code = [int] $character
        if ($code -lt 32 -or $code -eq 127) {
            [void] $builder.Append('\x').Append($code.ToString('x2'))
        } else {
            [void] $builder.Append($character)
        }
    }
    Write-Host -Object ('[' + (Get-Date).ToString('HH:mm:ss') + '] ' + $builder.ToString())
}
