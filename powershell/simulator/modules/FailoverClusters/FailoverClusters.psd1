@{
    RootModule        = 'FailoverClusters.psm1'
    ModuleVersion     = '2.0.0'
    GUID              = '0d4b3c52-5c9e-4a4b-8f0e-6a7f3bd3a002'
    Author            = 'Hyper-V VM deletion project'
    Description       = 'Simulated FailoverClusters module (HvSim): the cluster cmdlets the agent bundle uses.'
    PowerShellVersion = '7.5'
    FunctionsToExport = @(
        'Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Stop-ClusterGroup',
        'Start-ClusterGroup', 'Remove-ClusterGroup', 'Get-ClusterSharedVolume'
    )
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
