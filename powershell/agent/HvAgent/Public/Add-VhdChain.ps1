function Add-VhdChain {
    <#
    .SYNOPSIS
    Walks a virtual disk's parent chain with Hyper-V\Get-VHD and records every link in the chain map.
    .DESCRIPTION
    The map is keyed by Get-WindowsPathKey; each value is {Path, ParentPath, VhdType, Size, FileSize, Exists,
    Readable, Error}. A disk Get-VHD cannot read is recorded as unreadable (Exists tells whether the file is
    there at all) and ends the walk. -ComputerName reads disks of a VM on another cluster node from that node.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [hashtable] $Map,
        [Parameter(Mandatory = $true)] [string] $Path,
        [AllowNull()] [string] $ComputerName = $null
    )
    $current = $Path
    $depth = 0
    while (-not [string]::IsNullOrEmpty($current) -and $depth -lt 64) {
        $depth++
        $key = Get-WindowsPathKey -Path $current
        if ($Map.ContainsKey($key)) {
            return
        }
        $info = [pscustomobject]@{
            Path       = ConvertTo-WindowsPath -Path $current
            ParentPath = $null
            VhdType    = $null
            Size       = $null
            FileSize   = $null
            Exists     = $true
            Readable   = $true
            Error      = $null
        }
        try {
            if ([string]::IsNullOrEmpty($ComputerName)) {
                $vhd = Hyper-V\Get-VHD -Path $current -ErrorAction Stop
            } else {
                $vhd = Hyper-V\Get-VHD -Path $current -ComputerName $ComputerName -ErrorAction Stop
            }
            if (-not [string]::IsNullOrEmpty([string] $vhd.ParentPath)) {
                $info.ParentPath = ConvertTo-WindowsPath -Path ([string] $vhd.ParentPath)
            }
            $info.VhdType = [string] $vhd.VhdType
            $info.Size = $vhd.Size
            $info.FileSize = $vhd.FileSize
        } catch {
            $info.Readable = $false
            $info.Error = $_.Exception.Message
            $info.Exists = [bool] (Test-Path -LiteralPath $current)
        }
        $Map[$key] = $info
        $current = $info.ParentPath
    }
}
