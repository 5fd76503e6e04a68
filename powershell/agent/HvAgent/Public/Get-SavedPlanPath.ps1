function Get-SavedPlanPath {
    <#
    .SYNOPSIS
    Where the plan of a delete is saved on the host: <data root>\jobs\delete-<vm id>.json (the id is a checked GUID).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId
    )
    $jobs = Join-WindowsPath -Path (Get-AgentDataRoot) -ChildName 'jobs'
    return Join-WindowsPath -Path $jobs -ChildName ('delete-' + $VmId.ToLowerInvariant() + '.json')
}
