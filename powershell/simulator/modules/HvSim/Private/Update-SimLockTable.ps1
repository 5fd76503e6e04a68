function Update-SimLockTable {
    <#
    .SYNOPSIS
    Reconciles the file locks: drops expired timed locks, recomputes the files in use by running VMs, and makes
    the files on disk match (chattr +i on newly locked paths, -i on released ones, a detached releaser process
    for each timed lock so it ends on time even when nobody calls the simulator).
    .DESCRIPTION
    state.locks holds why a path is locked (released, merge, fault, in-use); state.immutable holds what is
    applied on disk per path (until, and the token of its armed releaser). Returns $true when either changed.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Root,

        [Parameter(Mandatory)]
        [datetime] $Now
    )
    $before = ConvertTo-Json -InputObject @(@($State.locks), @($State.immutable)) -Depth 6 -Compress

    $records = [System.Collections.Generic.List[object]]::new()
    foreach ($lock in $State.locks) {
        $until = ConvertTo-SimTime -Value $lock.until
        if ($lock.reason -eq 'in-use' -or ($null -ne $until -and $until -le $Now)) {
            continue
        }
        $records.Add($lock)
    }
    foreach ($path in Get-SimInUsePath -State $State) {
        $records.Add(@{ path = $path; until = $null; reason = 'in-use' })
    }
    $State.locks = $records.ToArray()

    # The effective lock of a path: indefinite ($null) wins, otherwise the latest end.
    $effective = [System.Collections.Generic.Dictionary[string, object]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($lock in $records) {
        $key = Format-SimPath -Path $lock.path
        $until = ConvertTo-SimTime -Value $lock.until
        if (-not $effective.ContainsKey($key)) {
            $effective[$key] = $until
        }
        elseif ($null -eq $effective[$key] -or $null -eq $until) {
            $effective[$key] = $null
        }
        elseif ($until -gt $effective[$key]) {
            $effective[$key] = $until
        }
    }

    $applied = [System.Collections.Generic.List[object]]::new()
    $toUnlock = [System.Collections.Generic.List[string]]::new()
    $toLock = [System.Collections.Generic.List[string]]::new()
    $toArm = [System.Collections.Generic.List[object]]::new()
    $seen = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($entry in $State.immutable) {
        $key = Format-SimPath -Path $entry.path
        if (-not $effective.ContainsKey($key) -or -not $seen.Add($key)) {
            Stop-SimReleaser -Root $Root -Token $entry.token
            if (-not $effective.ContainsKey($key)) {
                $toUnlock.Add($key)
            }
            continue
        }
        $until = $effective[$key]
        $wanted = if ($null -eq $until) { $null } else { Format-SimTime -Time $until }
        if ($wanted -eq $entry.until) {
            $applied.Add($entry)
            continue
        }
        Stop-SimReleaser -Root $Root -Token $entry.token
        $fresh = @{ path = $key; until = $wanted; token = $null }
        $toLock.Add($key)
        if ($null -ne $until) {
            $toArm.Add($fresh)
        }
        $applied.Add($fresh)
    }
    foreach ($key in $effective.Keys) {
        if ($seen.Contains($key)) {
            continue
        }
        $until = $effective[$key]
        $fresh = @{ path = $key; until = $(if ($null -eq $until) { $null } else { Format-SimTime -Time $until }); token = $null }
        $toLock.Add($key)
        if ($null -ne $until) {
            $toArm.Add($fresh)
        }
        $applied.Add($fresh)
    }

    if ($toUnlock.Count -gt 0) {
        Invoke-SimChattr -Root $Root -Mode Unlock -RealPath @($toUnlock | ForEach-Object -Process { ConvertTo-SimRealPath -Path $_ -Root $Root })
    }
    if ($toLock.Count -gt 0) {
        Invoke-SimChattr -Root $Root -Mode Lock -RealPath @($toLock | ForEach-Object -Process { ConvertTo-SimRealPath -Path $_ -Root $Root })
    }
    foreach ($entry in $toArm) {
        $entry.token = Start-SimReleaser -Root $Root -RealPath (ConvertTo-SimRealPath -Path $entry.path -Root $Root) -Until (ConvertTo-SimTime -Value $entry.until)
    }
    $State.immutable = $applied.ToArray()

    $after = ConvertTo-Json -InputObject @(@($State.locks), @($State.immutable)) -Depth 6 -Compress
    $before -ne $after
}
