# FailoverClusters (simulated): the cluster cmdlets the agent bundle uses, over the cluster section of the
# HvSim sandbox. When the simulated host is not clustered they fail as on a real stand-alone host.
Set-StrictMode -Off

# Enums with the cluster API's numeric values, so ConvertTo-Json emits what a real host emits.
enum ClusterGroupState { Unknown = -1; Online = 0; Offline = 1; Failed = 2; PartialOnline = 3; Pending = 4 }
enum ClusterResourceState { Unknown = -1; Inherited = 0; Initializing = 1; Online = 2; Offline = 3; Failed = 4; Pending = 128; OnlinePending = 129; OfflinePending = 130 }
enum ClusterNodeState { Unknown = -1; Up = 0; Down = 1; Paused = 2; Joining = 3 }
enum GroupType { Cluster = 1; AvailableStorage = 2; Temporary = 9999; ClusterSharedVolume = 4; ClusterStoragePool = 5; FileServer = 100; VirtualMachine = 111; Unknown = 9998 }

Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../HvSim/HvSim.psd1')

foreach ($folder in 'Private', 'Public') {
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath $folder) -Filter '*.ps1') {
        . $file.FullName
    }
}

if ($env:HVSIM_ROOT) {
    try {
        Mount-SimDrive
    }
    catch {
        Write-Warning -Message "FailoverClusters (simulated): drives not mapped: $($_.Exception.Message)"
    }
}
