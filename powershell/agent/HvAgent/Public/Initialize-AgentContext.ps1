function Initialize-AgentContext {
    <#
    .SYNOPSIS
    Sets the job id every event of this run carries (null until the payload is read), and makes redirected
    console output UTF-8 so VM names outside the OEM code page reach the control plane intact.
    #>
    [CmdletBinding()]
    param(
        [AllowNull()] [object] $JobId
    )
    $script:AgentJobId = $JobId
    $script:HeldHostLock = $null
    try {
        [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    } catch {
        # A remoting host has no console: its output travels as objects, already Unicode.
        Write-Verbose -Message 'no console to set the output encoding of'
    }
}
