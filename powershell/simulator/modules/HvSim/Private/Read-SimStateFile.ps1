function Read-SimStateFile {
    <#
    .SYNOPSIS
    Reads <sandbox>/state.json as nested hashtables (date-like strings stay strings: a VM may be named
    '2024-01-01'), adding the bookkeeping lists an older or hand-written file may lack.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [string] $Root
    )
    $path = [System.IO.Path]::Combine($Root, 'state.json')
    $text = [System.IO.File]::ReadAllText($path, [System.Text.Encoding]::UTF8)
    $state = ConvertFrom-Json -InputObject $text -AsHashtable -DateKind String -Depth 64
    foreach ($key in 'vms', 'merges', 'locks', 'faults', 'immutable') {
        if ($null -eq $state[$key]) {
            $state[$key] = @()
        }
    }
    if ($null -eq $state['vhds']) {
        $state['vhds'] = [ordered]@{}
    }
    if ($null -eq $state['behaviour']) {
        $state['behaviour'] = @{}
    }
    $defaults = @{ releaseDelayMs = 1500; mergeDelayMs = 3000; transitionDelayMs = 1000 }
    foreach ($key in $defaults.Keys) {
        if ($null -eq $state.behaviour[$key]) {
            $state.behaviour[$key] = $defaults[$key]
        }
    }
    $state
}
