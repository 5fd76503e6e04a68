function Get-SimCommandClass {
    <#
    .SYNOPSIS
    The implementing class a real host names in FullyQualifiedErrorId for a cmdlet, e.g. Get-VM ->
    Microsoft.HyperV.PowerShell.Commands.GetVM, Get-VHD -> Microsoft.Vhd.PowerShell.Cmdlets.GetVHD,
    Get-ClusterGroup -> Microsoft.FailoverClusters.PowerShell.GetClusterGroupCommand.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $CommandName
    )
    $bare = $CommandName.Replace('-', '')
    $noun = ($CommandName -split '-', 2)[-1]
    if ($noun -like 'Cluster*') {
        return "Microsoft.FailoverClusters.PowerShell.$($bare)Command"
    }
    if ($noun -eq 'VHD') {
        return "Microsoft.Vhd.PowerShell.Cmdlets.$bare"
    }
    "Microsoft.HyperV.PowerShell.Commands.$bare"
}
