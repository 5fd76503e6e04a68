@{
    RootModule        = 'BundleTools.psm1'
    ModuleVersion     = '0.1.0'
    GUID              = '6f0d3a52-8c1e-4b7e-9a43-2d5f1b0c7e91'
    Author            = 'hyperv-vm-deleter'
    Description       = 'Developer tools for the agent bundle: manifest, Windows PowerShell 5.1 compatibility check, simulator coverage. PowerShell 7 only; never deployed.'
    PowerShellVersion = '7.2'
    FunctionsToExport = @(
        'Get-BundleManifest'
        'ConvertTo-BundleManifestJson'
        'Test-BundleManifest'
        'Get-PS51Rule'
        'Find-PS51Incompatibility'
        'Get-ModuleCommandName'
        'Test-SimulatorCoverage'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
