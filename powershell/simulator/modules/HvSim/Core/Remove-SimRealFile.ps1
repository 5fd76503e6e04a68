function Remove-SimRealFile {
    <#
    .SYNOPSIS
    Inside a transaction: deletes a file of the simulated host the way Hyper-V would (a configuration file,
    say). Returns $null when the file is gone, or why it could not be deleted (a locked file).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $Root
    )
    $real = ConvertTo-SimRealPath -Path $Path -Root $Root
    if (-not [System.IO.File]::Exists($real)) {
        return $null
    }
    try {
        [System.IO.File]::Delete($real)
        $null
    }
    catch {
        "The process cannot access the file '$Path' because it is being used by another process."
    }
}
