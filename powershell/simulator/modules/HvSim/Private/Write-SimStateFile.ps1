function Write-SimStateFile {
    <#
    .SYNOPSIS
    Writes <sandbox>/state.json atomically: a temp file in the same folder, then a rename over the old file,
    so a reader never sees half a file.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Root,

        [Parameter(Mandatory)]
        [hashtable] $State
    )
    $path = [System.IO.Path]::Combine($Root, 'state.json')
    $temp = [System.IO.Path]::Combine($Root, "state.json.$PID.$([guid]::NewGuid().ToString('N')).tmp")
    $json = ConvertTo-Json -InputObject $State -Depth 32
    [System.IO.File]::WriteAllText($temp, $json, [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $path, $true)
}
