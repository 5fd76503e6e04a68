@{
    RootModule        = 'HvAgent.psm1'
    ModuleVersion     = '0.1.0'
    GUID              = 'b7d5a0c4-3f2e-4c61-9e8a-5a1d2c9f4e17'
    Author            = 'hyperv-vm-deleter'
    Description       = 'Shared functions of the Hyper-V agent bundle: payload, events, steps, host lock, Windows paths, delete plan.'
    PowerShellVersion = '5.1'
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
