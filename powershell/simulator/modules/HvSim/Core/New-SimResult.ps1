function New-SimResult {
    <#
    .SYNOPSIS
    What a cmdlet collects inside its transaction and writes after the lock is released: output objects,
    error records, warnings, how long an injected hang makes it wait first, and a terminating error (which
    ends the cmdlet after the rest is written).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()
    @{
        Output   = [System.Collections.Generic.List[object]]::new()
        Errors   = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        Warnings = [System.Collections.Generic.List[string]]::new()
        HangSeconds = [double] 0
        Terminating = $null
    }
}
