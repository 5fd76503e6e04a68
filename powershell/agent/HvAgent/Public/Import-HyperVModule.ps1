function Import-HyperVModule {
    <#
    .SYNOPSIS
    Loads Microsoft's Hyper-V module (cmdlets are then called module-qualified, Hyper-V\Get-VM, so a module such as
    PowerCLI that also exports Get-VM cannot shadow them). A host without it fails with code hyperv_missing.
    #>
    [CmdletBinding()]
    param()
    try {
        Import-Module -Name 'Hyper-V' -ErrorAction Stop
    } catch {
        throw (New-AgentError -Code 'hyperv_missing' -Message ('the Hyper-V PowerShell module could not be loaded: ' + $_.Exception.Message))
    }
}
