function Resolve-CommandMetadata {
    <#
    .SYNOPSIS
    The metadata of the command a call runs, or $null when it is unknown (a native program, an unloaded module).
    .DESCRIPTION
    Functions defined in the checked or reference files come first (that is how Hyper-V\Get-VM is known: from
    the simulator's source), then the built-in cmdlets of the MetadataModules. Nothing is imported on the way.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Call,

        [Parameter(Mandatory)]
        [pscustomobject] $Environment
    )
    $key = "$($Call.Module)\$($Call.ResolvedName)"
    if ($Environment.MetadataCache.ContainsKey($key)) {
        return $Environment.MetadataCache[$key]
    }
    $metadata = $Environment.Functions[$Call.ResolvedName]
    $isBuiltInModule = $null -eq $Call.Module -or $Call.Module -like 'Microsoft.PowerShell.*'
    $hasWildcard = [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Call.ResolvedName)
    if ($null -eq $metadata -and $isBuiltInModule -and -not $hasWildcard) {
        $command = Get-Command -Name $Call.ResolvedName -Module $Environment.MetadataModules -CommandType Cmdlet, Function -ErrorAction Ignore |
            Select-Object -First 1
        if ($command) {
            $metadata = ConvertTo-CommandMetadata -Command $command
        }
    }
    $Environment.MetadataCache[$key] = $metadata
    $metadata
}
