function Get-AgentVm {
    <#
    .SYNOPSIS
    The VM with this id on this host (Hyper-V\Get-VM -Id), or $null when the host has no such VM.
    .DESCRIPTION
    Names are neither unique nor safe (Get-VM -Name takes wildcards), so VMs are only ever looked up by id (S1).
    "Not found" (error id InvalidParameter,...GetVM, or category ObjectNotFound) gives $null; any other error
    propagates.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Id
    )
    try {
        $found = @(Hyper-V\Get-VM -Id $Id -ErrorAction Stop)
    } catch {
        $record = $_
        $notFound = ($record.FullyQualifiedErrorId -like 'InvalidParameter,*' -or
            $record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::ObjectNotFound)
        if ($notFound) {
            return $null
        }
        throw
    }
    if ($found.Count -eq 0) {
        return $null
    }
    return $found[0]
}
