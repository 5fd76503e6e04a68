function Get-ClusterSharedVolume {
    <#
    .SYNOPSIS
    (Simulated) Gets the cluster shared volumes; each has SharedVolumeInfo[].FriendlyVolumeName, the volume's
    root such as C:\ClusterStorage\Volume1.
    .EXAMPLE
    (FailoverClusters\Get-ClusterSharedVolume).SharedVolumeInfo.FriendlyVolumeName
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.FailoverClusters.PowerShell.ClusterSharedVolume')]
    param(
        [Parameter(Position = 0)]
        [string[]] $Name,

        [Parameter(ValueFromPipeline)]
        [psobject] $InputObject,

        [string] $Cluster
    )
    process {
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            if (-not (Test-ClusterPresent -State $State -Result $result -CommandName 'Get-ClusterSharedVolume' -Cluster $Cluster)) {
                return $result
            }
            foreach ($volume in @($State.cluster.sharedVolumes | Where-Object -FilterScript { $_ })) {
                if ($Name -and $Name -inotcontains $volume.name) {
                    continue
                }
                $result.Output.Add([pscustomobject]@{
                        PSTypeName       = 'Microsoft.FailoverClusters.PowerShell.ClusterSharedVolume'
                        Name             = $volume.name
                        State            = [ClusterResourceState]::Online
                        OwnerNode        = New-NamedString -Value $volume.ownerNode
                        Cluster          = New-NamedString -Value $State.cluster.name
                        SharedVolumeInfo = @([pscustomobject]@{
                                PSTypeName         = 'Microsoft.FailoverClusters.PowerShell.ClusterSharedVolumeInfo'
                                FriendlyVolumeName = $volume.friendlyVolumeName
                                MaintenanceMode    = $false
                                FaultState         = 'NoFaults'
                                RedirectedAccess   = $false
                            })
                    })
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
