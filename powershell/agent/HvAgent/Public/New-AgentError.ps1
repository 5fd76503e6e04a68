function New-AgentError {
    <#
    .SYNOPSIS
    Builds the exception the agent throws for a known failure: a code, a clear message and the object it concerns.
    .DESCRIPTION
    The code, object and (later) step travel in Exception.Data, so the entry script can put them in the `result`
    event. Throw the returned exception: `throw (New-AgentError -Code 'file_locked' -Message ... -Object $path)`.
    #>
    [CmdletBinding()]
    [OutputType([System.Exception])]
    param(
        [Parameter(Mandatory = $true)] [string] $Code,
        [Parameter(Mandatory = $true)] [string] $Message,
        [AllowNull()] [string] $Object = $null,
        [AllowNull()] [string] $Field = $null
    )
    $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList $Message
    $exception.Data['hvagent_code'] = $Code
    # [string] parameters turn $null into ''; an empty object or field means none.
    if (-not [string]::IsNullOrEmpty($Object)) { $exception.Data['hvagent_object'] = $Object }
    if (-not [string]::IsNullOrEmpty($Field)) { $exception.Data['hvagent_field'] = $Field }
    return $exception
}
