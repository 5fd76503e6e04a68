function Get-SimConfigFile {
    <#
    .SYNOPSIS
    The configuration files of a VM (<Path>\Virtual Machines\<ID>.vmcx, .vmrs, and .vmgs for generation 2) or
    of one of its checkpoints (<SnapshotFileLocation>\Snapshots\<checkpoint ID>.vmcx and .vmrs).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $VM,

        [hashtable] $Snapshot
    )
    if ($Snapshot) {
        $stem = (Format-SimPath -Path $VM.snapshotFileLocation) + '\Snapshots\' + ([string] $Snapshot.id).ToUpperInvariant()
        return @("$stem.vmcx", "$stem.vmrs")
    }
    $stem = (Format-SimPath -Path $VM.path) + '\Virtual Machines\' + ([string] $VM.id).ToUpperInvariant()
    $files = @("$stem.vmcx", "$stem.vmrs")
    if ($VM.generation -eq 2) {
        $files += "$stem.vmgs"
    }
    $files
}
