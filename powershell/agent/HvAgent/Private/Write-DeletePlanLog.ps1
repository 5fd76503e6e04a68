function Write-DeletePlanLog {
    <#
    .SYNOPSIS
    The plan as readable log lines: what goes, what stays and why.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [System.Collections.IDictionary] $Plan
    )
    if ($null -ne $Plan.cluster_role) {
        Write-AgentLog -Message ("cluster role '" + $Plan.cluster_role.name + "' (" + $Plan.cluster_role.state + ') will be removed')
    }
    Write-AgentLog -Message ('power action: ' + $Plan.power_action + '; checkpoints: ' + @($Plan.checkpoints).Count)
    foreach ($file in @($Plan.files_to_delete)) {
        Write-AgentLog -Message ('delete ' + $file.kind + ": '" + $file.path + "' (" + $file.size_bytes + ' bytes)')
    }
    foreach ($file in @($Plan.files_to_keep)) {
        Write-AgentLog -Message ('keep ' + $file.kind + ": '" + $file.path + "': " + $file.detail)
    }
    foreach ($folder in @($Plan.folders_to_prune)) {
        Write-AgentLog -Message ("prune empty folder '" + $folder + "'")
    }
    foreach ($folder in @($Plan.folders_to_keep)) {
        Write-AgentLog -Message ("keep folder '" + $folder.path + "' (" + $folder.reason + '): ' + (@($folder.holds) -join ', '))
    }
}
