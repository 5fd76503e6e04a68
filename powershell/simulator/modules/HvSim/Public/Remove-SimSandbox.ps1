function Remove-SimSandbox {
    <#
    .SYNOPSIS
    Deletes a simulator sandbox: clears every immutable attribute first (locked files), disarms pending lock
    releasers, unmaps its drives, then removes the folder.
    .DESCRIPTION
    Refuses a folder that is not a sandbox (no state.json and no .hvsim folder) unless it is empty, so a wrong
    path never wipes unrelated data.
    .PARAMETER Path
    The sandbox folder.
    .EXAMPLE
    Remove-SimSandbox -Path /tmp/hvsim-lab
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )
    $sandbox = [System.IO.Path]::GetFullPath($Path)
    if (-not [System.IO.Directory]::Exists($sandbox)) {
        return
    }
    $isSandbox = [System.IO.File]::Exists([System.IO.Path]::Combine($sandbox, 'state.json')) -or
        [System.IO.Directory]::Exists([System.IO.Path]::Combine($sandbox, '.hvsim'))
    $isEmpty = -not [System.IO.Directory]::EnumerateFileSystemEntries($sandbox).GetEnumerator().MoveNext()
    if (-not $isSandbox -and -not $isEmpty) {
        throw "Refusing to remove '$sandbox': it is not a simulator sandbox (no state.json or .hvsim)."
    }
    if (-not $PSCmdlet.ShouldProcess($sandbox, 'Remove simulator sandbox')) {
        return
    }
    if (Get-Command -Name 'chattr' -CommandType Application -ErrorAction Ignore) {
        $null = Invoke-SimProcess -FilePath 'chattr' -ArgumentList @('-R', '-f', '-i', '--', $sandbox) -Wait
    }
    if ($script:MountedRoot -eq $sandbox) {
        foreach ($name in $script:MountedDrives) {
            Remove-PSDrive -Name $name -Scope Global -Force -ErrorAction Ignore
        }
        $script:MountedDrives = @()
        $script:MountedRoot = $null
    }
    $script:ChattrProbe.Remove($sandbox)
    [System.IO.Directory]::Delete($sandbox, $true)
}
