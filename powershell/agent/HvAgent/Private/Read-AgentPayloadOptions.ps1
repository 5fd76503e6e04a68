function Read-AgentPayloadOptions {
    <#
    .SYNOPSIS
    The payload's optional `options` object with every tuning value checked and defaults filled in.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Document
    )
    $options = [ordered]@{
        file_retry_attempts   = [long] 10
        file_retry_delay_ms   = [long] 3000
        merge_timeout_seconds = [long] 900
        state_timeout_seconds = [long] 120
        lock_stale_seconds    = [long] 900
    }
    $property = $Document.PSObject.Properties['options']
    if ($null -eq $property -or $null -eq $property.Value) {
        return [pscustomobject] $options
    }
    $given = $property.Value
    if (-not ($given -is [System.Management.Automation.PSCustomObject])) {
        throw (New-AgentError -Code 'invalid_payload' -Field 'options' -Message "payload field 'options' must be an object")
    }
    $limits = @{
        file_retry_attempts   = @(1, 1000)
        file_retry_delay_ms   = @(0, 600000)
        merge_timeout_seconds = @(0, 86400)
        state_timeout_seconds = @(0, 3600)
        lock_stale_seconds    = @(1, 86400)
    }
    foreach ($name in @($limits.Keys)) {
        $options[$name] = Test-PayloadField -Container $given -Name $name -Type 'integer' -Prefix 'options.' `
            -Default $options[$name] -Minimum $limits[$name][0] -Maximum $limits[$name][1]
    }
    return [pscustomobject] $options
}
