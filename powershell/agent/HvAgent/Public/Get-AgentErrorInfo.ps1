function Get-AgentErrorInfo {
    <#
    .SYNOPSIS
    Turns any caught error into the `error` object of the result event: {code, message, step, object}.
    .DESCRIPTION
    Errors built by New-AgentError keep their code and object; any other error (a Hyper-V cmdlet's, say) becomes
    code 'host_error' with the host's own message.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $ErrorRecord
    )
    $exception = $ErrorRecord
    if ($ErrorRecord -is [System.Management.Automation.ErrorRecord]) {
        $exception = $ErrorRecord.Exception
    }
    $code = 'host_error'
    $object = $null
    $step = $null
    $field = $null
    if ($null -ne $exception.Data) {
        if ($exception.Data.Contains('hvagent_code')) { $code = [string] $exception.Data['hvagent_code'] }
        if ($exception.Data.Contains('hvagent_object')) { $object = $exception.Data['hvagent_object'] }
        if ($exception.Data.Contains('hvagent_step')) { $step = $exception.Data['hvagent_step'] }
        if ($exception.Data.Contains('hvagent_field')) { $field = $exception.Data['hvagent_field'] }
    }
    $info = [ordered]@{
        code    = $code
        message = [string] $exception.Message
        step    = $step
        object  = $object
    }
    if ($null -ne $field) {
        $info['field'] = $field
    }
    return $info
}
