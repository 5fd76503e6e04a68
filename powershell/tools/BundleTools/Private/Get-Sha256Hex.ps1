function Get-Sha256Hex {
    <#
    .SYNOPSIS
    Lowercase hex SHA-256 of a file's exact bytes, or of a byte array.
    .NOTES
    Get-FileHash reads bytes as they are (no newline normalisation), which is what the control plane's
    crypto.createHash('sha256') sees when it hashes the same files.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'File')]
        [string] $LiteralPath,

        [Parameter(Mandatory, ParameterSetName = 'Bytes')]
        [AllowEmptyCollection()]
        [byte[]] $Bytes
    )
    if ($PSCmdlet.ParameterSetName -eq 'File') {
        $hash = Get-FileHash -LiteralPath $LiteralPath -Algorithm SHA256
    }
    else {
        $stream = [System.IO.MemoryStream]::new($Bytes)
        try {
            $hash = Get-FileHash -InputStream $stream -Algorithm SHA256
        }
        finally {
            $stream.Dispose()
        }
    }
    $hash.Hash.ToLowerInvariant()
}
