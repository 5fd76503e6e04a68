function Get-VmStateName {
    <#
    .SYNOPSIS
    A VM's state as its name ('Running', 'OffCritical'...); ConvertTo-Json would turn the enum into a number.
    .DESCRIPTION
    With -Base, the '*Critical' suffix (unhealthy storage) is dropped, so RunningCritical acts as Running.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [AllowNull()] $State,
        [switch] $Base
    )
    if ($null -eq $State) {
        return ''
    }
    $name = $State.ToString()
    if ($Base -and $name.Length -gt 8 -and $name.EndsWith('Critical')) {
        $name = $name.Substring(0, $name.Length - 8)
    }
    return $name
}
