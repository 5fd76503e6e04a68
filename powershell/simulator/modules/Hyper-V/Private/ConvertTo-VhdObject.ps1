function ConvertTo-VhdObject {
    <#
    .SYNOPSIS
    A Microsoft.Vhd.PowerShell.VirtualHardDisk-shaped object for a disk file, or $null when the file does not
    exist. FileSize is the real file's length; a file the state does not know reads as a dynamic disk.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $Root
    )
    $normal = Format-SimPath -Path $Path
    $real = ConvertTo-SimRealPath -Path $normal -Root $Root
    if (-not [System.IO.File]::Exists($real)) {
        return $null
    }
    $length = [System.IO.FileInfo]::new($real).Length
    $entry = Find-SimVhd -State $State -Path $normal
    $record = if ($entry) { $entry.Record } else { @{ vhdType = 'Dynamic'; sizeBytes = $length; parentPath = $null } }
    $format = if ($record.vhdFormat) { $record.vhdFormat } elseif ($normal -match '\.vhd$') { 'VHD' } else { 'VHDX' }
    $shown = if ($entry) { $entry.Path } else { $normal }
    $md5 = [System.Security.Cryptography.MD5]::HashData([System.Text.Encoding]::UTF8.GetBytes($shown.ToUpperInvariant()))
    $attached = Test-SimFileInUse -State $State -Path $normal
    [pscustomobject]@{
        PSTypeName              = 'Microsoft.Vhd.PowerShell.VirtualHardDisk'
        ComputerName            = $State.host.computerName
        Path                    = $shown
        VhdFormat               = [VhdFormat] $format
        VhdType                 = [VhdType] $record.vhdType
        FileSize                = [uint64] $length
        Size                    = [uint64] $record.sizeBytes
        MinimumSize             = [uint64] $record.sizeBytes
        LogicalSectorSize       = [uint32] 512
        PhysicalSectorSize      = [uint32] 4096
        BlockSize               = [uint32] $(if ($record.vhdType -eq 'Fixed') { 0 } else { 33554432 })
        ParentPath              = $record.parentPath
        DiskIdentifier          = ([guid]::new($md5)).ToString().ToUpperInvariant()
        FragmentationPercentage = 0
        Alignment               = 1
        Attached                = $attached
        DiskNumber              = $null
        IsPMEMCompatible        = $false
        AddressAbstractionType  = 'None'
        Number                  = $null
    }
}
