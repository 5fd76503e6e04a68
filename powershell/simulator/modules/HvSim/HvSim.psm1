# HvSim: the core of the Hyper-V simulator. It owns the sandbox (state.json + one folder per drive letter), the
# exclusive state lock, the lazy "settle" step (transitions, merges, cluster sync, file locks) and the control
# cmdlets tests and the lab use. The Hyper-V and FailoverClusters modules call the functions under Core/.
# State records are dictionaries with optional keys that read as $null when absent; strict mode would turn
# every such read into an error (and a caller's global strict mode would otherwise leak in here).
Set-StrictMode -Off

# Per-process memory: which sandbox the PSDrives point at, and whether chattr works there (probed once).
$script:MountedRoot = $null
$script:MountedDrives = @()
$script:ChattrProbe = @{}
$script:ChattrWarned = $false
$script:TransactionDirty = $false

foreach ($folder in 'Private', 'Core', 'Public') {
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath $folder) -Filter '*.ps1') {
        . $file.FullName
    }
}
