function Get-AgentDataRoot {
    <#
    .SYNOPSIS
    The agent's data folder on the host: <ProgramData>\HvAgent (ProgramData from the environment, else C:\ProgramData).
    .DESCRIPTION
    Holds the host lock (host.lock) and the saved delete plans (jobs\delete-<vm id>.json). A Windows path
    string; in the lab, drive C: is the simulator's sandbox.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $programData = $env:ProgramData
    if ([string]::IsNullOrEmpty($programData)) {
        $programData = 'C:\ProgramData'
    }
    return Join-WindowsPath -Path $programData -ChildName 'HvAgent'
}
