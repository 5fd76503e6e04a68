function New-DeleteJob {
    <#
    .SYNOPSIS
    The working state of one delete job, shared by its steps: payload, host facts, records, plan and results.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Payload
    )
    return [pscustomobject]@{
        Payload        = $Payload
        Options        = $Payload.options
        Execute        = ($Payload.mode -eq 'execute')
        Vm             = $null
        Saved          = $null
        HostFacts      = $null
        Target         = $null
        Chains         = @{}
        Index          = $null
        Plan           = $null
        FilesDeleted   = New-Object -TypeName System.Collections.Generic.List[string]
        FilesKept      = New-Object -TypeName System.Collections.Generic.List[object]
        FoldersRemoved = New-Object -TypeName System.Collections.Generic.List[string]
        FoldersKept    = New-Object -TypeName System.Collections.Generic.List[object]
    }
}
