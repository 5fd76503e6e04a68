function Get-AgentPayloadText {
    <#
    .SYNOPSIS
    The raw payload text: the pipeline input of the entry script, or standard input when that is empty.
    .DESCRIPTION
    Invoke-Command -FilePath -InputObject and `$payload | & script.ps1` deliver the payload in $input (which the
    entry script collects and passes here); `... | pwsh -File script.ps1` delivers standard input as $input lines
    too, and when it does not, standard input is read to the end when it is redirected. Items are joined.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()] [object[]] $InputObject
    )
    $parts = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($item in @($InputObject)) {
        if ($null -ne $item) {
            $parts.Add([string] $item)
        }
    }
    $text = ($parts -join '').Trim()
    if ($text -eq '' -and [Console]::IsInputRedirected) {
        $text = [Console]::In.ReadToEnd().Trim()
    }
    return $text
}
