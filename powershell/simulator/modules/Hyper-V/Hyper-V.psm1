# Hyper-V (simulated): the cmdlets of Microsoft's Hyper-V module that the agent bundle uses, with the same names,
# parameters and object shapes, over the sandbox of HvSim. Put simulator/modules first on PSModulePath so that
# Hyper-V\Get-VM resolves here.
Set-StrictMode -Off

# Enums with Microsoft's numeric values, so ConvertTo-Json emits the numbers a real host emits.
enum VMState {
    Other = 1; Running = 2; Off = 3; Stopping = 4; Saved = 6; Paused = 9; Starting = 10; Reset = 11
    Saving = 32773; Pausing = 32776; Resuming = 32777; FastSaved = 32779; FastSaving = 32780
    ForceShutdown = 32781; ForceReboot = 32782; Hibernated = 32783; ComponentServicing = 32784
    RunningCritical = 32785; OffCritical = 32786; StoppingCritical = 32787; SavedCritical = 32788
    PausedCritical = 32789; StartingCritical = 32790; ResetCritical = 32791; SavingCritical = 32792
    PausingCritical = 32793; ResumingCritical = 32794; FastSavedCritical = 32795; FastSavingCritical = 32796
}
enum ControllerType { IDE = 0; SCSI = 1 }
enum DvdMediaType { None = 0; ISO = 1; PassThrough = 2 }
enum VhdType { Unknown = 0; Fixed = 2; Dynamic = 3; Differencing = 4 }
enum VhdFormat { Unknown = 0; VHD = 2; VHDX = 3; VHDSet = 4 }
enum SnapshotType { Standard = 0; Recovery = 1; Planned = 2; Missing = 3; Replica = 4; AppConsistentReplica = 5; SyncedReplica = 6 }

Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../HvSim/HvSim.psd1')

foreach ($folder in 'Private', 'Public') {
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath $folder) -Filter '*.ps1') {
        . $file.FullName
    }
}

# Map the host's drive letters now, so provider cmdlets resolve C:\... before any Hyper-V call.
if ($env:HVSIM_ROOT) {
    try {
        Mount-SimDrive
    }
    catch {
        Write-Warning -Message "Hyper-V (simulated): drives not mapped: $($_.Exception.Message)"
    }
}
