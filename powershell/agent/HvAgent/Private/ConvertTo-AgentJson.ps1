function ConvertTo-AgentJson {
    <#
    .SYNOPSIS
    Compact JSON on one line, with every non-ASCII character escaped (\uXXXX).
    .DESCRIPTION
    Escaping keeps the text ASCII, so the bytes are the same under every console code page and file encoding of
    Windows PowerShell 5.1 and PowerShell 7; ConvertTo-Json already escapes control characters, so a VM name with
    a newline can never break the one-line framing of an event.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [AllowNull()] $InputObject
    )
    $json = ConvertTo-Json -InputObject $InputObject -Compress -Depth 20
    $builder = New-Object -TypeName System.Text.StringBuilder
    foreach ($character in $json.ToCharArray()) {
        $code = [int] $character
        if ($code -gt 126 -or $code -lt 32) {
            [void] $builder.Append('\u').Append($code.ToString('x4'))
        } else {
            [void] $builder.Append($character)
        }
    }
    return $builder.ToString()
}
