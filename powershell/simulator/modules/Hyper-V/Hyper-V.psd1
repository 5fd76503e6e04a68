@{
    RootModule        = 'Hyper-V.psm1'
    ModuleVersion     = '2.0.0'
    GUID              = '0d4b3c52-5c9e-4a4b-8f0e-6a7f3bd3a001'
    Author            = 'Hyper-V VM deletion project'
    Description       = 'Simulated Hyper-V module (HvSim): the cmdlets the agent bundle uses, over a sandbox host.'
    PowerShellVersion = '7.5'
    FormatsToProcess  = @('Hyper-V.Format.ps1xml')
    FunctionsToExport = @(
        'Get-VM', 'Start-VM', 'Stop-VM', 'Save-VM', 'Suspend-VM', 'Resume-VM', 'Remove-VM', 'Remove-VMSavedState',
        'Get-VMHardDiskDrive', 'Remove-VMHardDiskDrive', 'Get-VHD',
        'Get-VMDvdDrive', 'Set-VMDvdDrive', 'Remove-VMDvdDrive',
        'Get-VMSnapshot', 'Remove-VMSnapshot', 'Get-VMHost'
    )
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
