function Find-ParseErrorIssue {
    # Rule check: every parse error the parser reported for the file.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    foreach ($parseError in $File.Errors) {
        New-PS51Finding -File $File -Rule $Rule -Line $parseError.Extent.StartLineNumber -Text $parseError.Message
    }
}
