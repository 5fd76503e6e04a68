function New-PS51Finding {
    <#
    .SYNOPSIS
    One finding {File, Line, Rule, Text}; Text is the offending code (first line, trimmed) unless given.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $File,

        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $Rule,

        [System.Management.Automation.Language.IScriptExtent] $Extent,

        [int] $Line,

        [string] $Text
    )
    if ($null -ne $Extent) {
        $Line = $Extent.StartLineNumber
        if (-not $Text) {
            $Text = $Extent.Text
        }
    }
    $firstLine = (($Text -split "`r?`n")[0]).Trim()
    if ($firstLine.Length -gt 120) {
        $firstLine = $firstLine.Substring(0, 117) + '...'
    }
    [pscustomobject]@{
        File = $File.RelativePath
        Line = $Line
        Rule = $Rule.Name
        Text = $firstLine
    }
}
