@{
    RootModule        = 'HvSim.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '5b0f3c6e-6f57-4d2a-9a43-1f2d8f0c7a11'
    Author            = 'Hyper-V VM deletion project'
    Description       = 'Hyper-V simulator core: sandbox state, drive mapping, file locks, merges, faults, control cmdlets.'
    PowerShellVersion = '7.5'
    FunctionsToExport = @(
        # control cmdlets (tests, lab)
        'New-SimHost', 'Remove-SimSandbox', 'Get-SimState', 'Update-SimState', 'Set-SimBehaviour',
        'Set-SimFault', 'Clear-SimFault', 'Lock-SimFile', 'Unlock-SimFile', 'Mount-SimDrive', 'Wait-SimIdle',
        # core API used by the Hyper-V and FailoverClusters modules
        'Get-SimRoot', 'Format-SimPath', 'ConvertTo-SimRealPath', 'ConvertFrom-SimRealPath', 'ConvertTo-SimTime', 'Format-SimTime',
        'Invoke-SimTransaction', 'Find-SimVM', 'Find-SimVhd', 'Get-SimVhdChain', 'Get-SimConfigFile',
        'Test-SimFault', 'Test-SimObjectFault', 'Test-SimNameMatch', 'Add-SimLock', 'Start-SimMerge', 'Set-SimVMPower',
        'Get-SimBaseState', 'New-SimErrorRecord', 'New-SimResult', 'Write-SimResult', 'Remove-SimRealFile',
        'Test-SimFileInUse', 'Set-SimVMStateValue', 'Sync-SimClusterGroup'
    )
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
