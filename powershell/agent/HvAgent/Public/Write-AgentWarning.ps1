function Write-AgentWarning {
    <#
    .SYNOPSIS
    Logs a warning line and emits a `warning` event (with the path it concerns, when there is one).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Message,
        [AllowNull()] [string] $Path = $null
    )
    Write-AgentLog -Message ('WARNING: ' + $Message)
    $fields = [ordered]@{ message = $Message }
    if (-not [string]::IsNullOrEmpty($Path)) {
        $fields['path'] = $Path
    }
    Write-AgentEvent -Type 'warning' -Fields $fields
}
