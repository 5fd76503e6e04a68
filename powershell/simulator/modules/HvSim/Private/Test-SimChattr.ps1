function Test-SimChattr {
    <#
    .SYNOPSIS
    Whether locks can be enforced in this sandbox: chattr +i must work (Linux, root, a filesystem with the
    immutable attribute). Probed once per sandbox and process; when it fails, warns once and the simulator
    carries on with locks recorded in state.json but not enforced on disk.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Root
    )
    if ($script:ChattrProbe.ContainsKey($Root)) {
        return $script:ChattrProbe[$Root]
    }
    $works = $false
    $reason = 'chattr is not available (Linux only, on PATH)'
    $chattr = Get-Command -Name 'chattr' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($chattr -and [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Unix) {
        $folder = [System.IO.Path]::Combine($Root, '.hvsim')
        $null = [System.IO.Directory]::CreateDirectory($folder)
        $probe = [System.IO.Path]::Combine($folder, "chattr-probe-$PID")
        [System.IO.File]::WriteAllText($probe, 'probe')
        # The exit code tells: trying a deletion would throw, and PowerShell records even caught exceptions in
        # the running cmdlet's -ErrorVariable.
        $code = Invoke-SimProcess -FilePath $chattr.Source -ArgumentList @('+i', '--', $probe) -Wait
        if ($code -eq 0) {
            $works = $true
            $null = Invoke-SimProcess -FilePath $chattr.Source -ArgumentList @('-i', '--', $probe) -Wait
        }
        else {
            $reason = 'chattr +i failed (it needs root and a filesystem with the immutable attribute)'
        }
        if ([System.IO.File]::Exists($probe)) {
            [System.IO.File]::Delete($probe)
        }
    }
    if (-not $works -and -not $script:ChattrWarned) {
        $script:ChattrWarned = $true
        Write-Warning -Message "HvSim: file locks are recorded but not enforced: $reason. Locked files can still be deleted."
    }
    $script:ChattrProbe[$Root] = $works
    $works
}
