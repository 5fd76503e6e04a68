function Write-SimSparseFile {
    <#
    .SYNOPSIS
    Writes a file with some leading content and, with -Length, stretches it to that size with SetLength
    (a sparse file: a 40 GB disk costs no space). Creates the parent folder.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $RealPath,

        [AllowEmptyString()]
        [string] $Content = '',

        [int64] $Length = -1
    )
    $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($RealPath))
    $bytes = [System.Text.Encoding]::UTF8.GetBytes($Content)
    $stream = [System.IO.File]::Open($RealPath, [System.IO.FileMode]::Create, [System.IO.FileAccess]::Write, [System.IO.FileShare]::None)
    try {
        $stream.Write($bytes, 0, $bytes.Length)
        if ($Length -ge 0) {
            $stream.SetLength([math]::Max($Length, [int64] $bytes.Length))
        }
    }
    finally {
        $stream.Dispose()
    }
}
