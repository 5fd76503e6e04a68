function Read-AgentPayload {
    <#
    .SYNOPSIS
    Reads, decodes and validates the job payload (base64 of compact UTF-8 JSON) for one kind of job.
    .DESCRIPTION
    Returns a plain object with every field checked and defaults applied (force false; options filled in).
    Anything wrong (missing, not base64, not UTF-8, not JSON, not an object, a field missing or of the wrong type)
    throws an invalid_payload error naming the field, before anything on the host is touched. Unknown fields
    are ignored, so a newer control plane can add some.
    .EXAMPLE
    $payload = Read-AgentPayload -InputObject @($input) -Kind delete
    #>
    [CmdletBinding()]
    param(
        [AllowNull()] [object[]] $InputObject,
        [Parameter(Mandatory = $true)] [ValidateSet('delete', 'lifecycle', 'inventory')] [string] $Kind
    )
    $text = Get-AgentPayloadText -InputObject $InputObject
    if ($text -eq '') {
        throw (New-AgentError -Code 'invalid_payload' -Message 'no payload: pipe the base64-encoded JSON payload into the script')
    }
    try {
        $bytes = [System.Convert]::FromBase64String($text)
    } catch {
        throw (New-AgentError -Code 'invalid_payload' -Message 'the payload is not valid base64 (standard alphabet, with padding)')
    }
    try {
        $strictUtf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false, $true
        $json = $strictUtf8.GetString($bytes)
    } catch {
        throw (New-AgentError -Code 'invalid_payload' -Message 'the payload is not valid UTF-8 text')
    }
    try {
        $document = ConvertFrom-Json -InputObject $json -ErrorAction Stop
    } catch {
        throw (New-AgentError -Code 'invalid_payload' -Message ('the payload is not valid JSON: ' + $_.Exception.Message))
    }
    if ($null -eq $document -or -not ($document -is [System.Management.Automation.PSCustomObject])) {
        throw (New-AgentError -Code 'invalid_payload' -Message 'the payload must be a JSON object')
    }

    $payload = [ordered]@{
        job_id        = Test-PayloadField -Container $document -Name 'job_id' -Type 'string' -Required -MaxLength 128
        requested_by  = Test-PayloadField -Container $document -Name 'requested_by' -Type 'string' -Required -MaxLength 256
        control_plane = Test-PayloadField -Container $document -Name 'control_plane' -Type 'string' -Required -MaxLength 256
    }
    if ($Kind -eq 'delete' -or $Kind -eq 'lifecycle') {
        $payload['vm_id'] = Test-PayloadField -Container $document -Name 'vm_id' -Type 'guid' -Required
        $payload['vm_name'] = Test-PayloadField -Container $document -Name 'vm_name' -Type 'string' -Required -MaxLength 1024
    }
    if ($Kind -eq 'delete') {
        $payload['force'] = Test-PayloadField -Container $document -Name 'force' -Type 'bool' -Default $false
        $payload['mode'] = Test-PayloadField -Container $document -Name 'mode' -Type 'enum' -Required -Values @('plan', 'execute')
    }
    if ($Kind -eq 'lifecycle') {
        $payload['action'] = Test-PayloadField -Container $document -Name 'action' -Type 'enum' -Required -Values @('start', 'shutdown', 'turnoff', 'save')
    }
    $payload['options'] = Read-AgentPayloadOptions -Document $document
    return [pscustomobject] $payload
}
