function Initialize-AgentFolder {
    <#
    .SYNOPSIS
    Makes sure a folder of the agent's data root exists (creating missing parents).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Path
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        # New-Item has no -LiteralPath in 5.1; this path is built by the agent (no wildcard characters).
        New-Item -ItemType Directory -Path $Path -Force -ErrorAction Stop | Out-Null
    }
}
