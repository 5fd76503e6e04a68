function New-VmReferenceIndex {
    <#
    .SYNOPSIS
    Everything other VMs reference (S3): files (every disk in their chains, their checkpoints' disks and chains,
    their ISOs) and folders (configuration, checkpoint, smart-paging), each with who references it.
    .DESCRIPTION
    Pure logic over VM records and the chain map. Files maps a path key to a description such as
    "VM 'web02' (id)"; Folders lists {Path, Key, Owner}; Names lists the other VMs' names.
    A disk of another VM whose chain could not be read but whose file exists is a terminating error naming it:
    its parents are unknown, so a shared parent could not be protected.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [AllowEmptyCollection()] [object[]] $Vms,
        [Parameter(Mandatory = $true)] [hashtable] $Chains
    )
    $files = @{}
    $folders = @()
    $names = @()
    foreach ($vm in $Vms) {
        $owner = "VM '" + $vm.Name + "' (" + $vm.Id + ')'
        $names += [string] $vm.Name
        $diskPaths = @()
        $diskPaths += @($vm.HardDrives | Where-Object -FilterScript { $null -ne $_ -and -not [string]::IsNullOrEmpty($_.Path) } | ForEach-Object -Process { $_.Path })
        $isoPaths = @($vm.DvdDrives | Where-Object -FilterScript { $null -ne $_ -and -not [string]::IsNullOrEmpty($_.Path) } | ForEach-Object -Process { $_.Path })
        foreach ($checkpoint in @($vm.Checkpoints)) {
            if ($null -eq $checkpoint) { continue }
            $diskPaths += @($checkpoint.DiskPaths)
            $isoPaths += @($checkpoint.IsoPaths)
        }
        foreach ($disk in $diskPaths) {
            if ([string]::IsNullOrEmpty($disk)) { continue }
            foreach ($link in @(Get-VhdChainPaths -Map $Chains -Path $disk)) {
                $key = Get-WindowsPathKey -Path $link
                $info = $null
                if ($Chains.ContainsKey($key)) { $info = $Chains[$key] }
                if ($null -ne $info -and -not $info.Readable -and $info.Exists) {
                    throw (New-AgentError -Code 'reference_unknown' -Object $link -Message ("cannot read the disk '" + $link + "' of " + $owner + ': ' + $info.Error + '; its parent disks are unknown, so no shared file can be told apart'))
                }
                if (-not $files.ContainsKey($key)) { $files[$key] = $owner }
            }
        }
        foreach ($iso in $isoPaths) {
            if ([string]::IsNullOrEmpty($iso)) { continue }
            $key = Get-WindowsPathKey -Path $iso
            if (-not $files.ContainsKey($key)) { $files[$key] = $owner }
        }
        foreach ($folder in @($vm.Path, $vm.SnapshotPath, $vm.SmartPagingPath)) {
            if ([string]::IsNullOrEmpty($folder)) { continue }
            $folders += [pscustomobject]@{ Path = ConvertTo-WindowsPath -Path $folder; Key = Get-WindowsPathKey -Path $folder; Owner = $owner }
        }
    }
    return [pscustomobject]@{
        Files   = $files
        Folders = $folders
        Names   = $names
    }
}
