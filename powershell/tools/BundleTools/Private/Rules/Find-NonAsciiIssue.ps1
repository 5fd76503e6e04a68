function Find-NonAsciiIssue {
    # Rule check: each line holding a byte above 0x7F (a leading UTF-8 BOM is allowed), read as raw bytes.
    [CmdletBinding()]
    param([pscustomobject] $File, [System.Collections.IDictionary] $Rule, [pscustomobject] $Environment)
    $bytes = [System.IO.File]::ReadAllBytes($File.FullName)
    $start = 0
    if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) {
        $start = 3
    }
    $line = 1
    $lineStart = $start
    $flagged = $false
    for ($index = $start; $index -le $bytes.Length; $index++) {
        $atEnd = $index -eq $bytes.Length
        if ($atEnd -or $bytes[$index] -eq 0x0A) {
            if ($flagged) {
                $text = [System.Text.Encoding]::UTF8.GetString($bytes, $lineStart, $index - $lineStart)
                New-PS51Finding -File $File -Rule $Rule -Line $line -Text $text
            }
            $line++
            $lineStart = $index + 1
            $flagged = $false
        }
        elseif ($bytes[$index] -gt 0x7F) {
            $flagged = $true
        }
    }
}
