function Remove-AgentEmptyFolder {
    <#
    .SYNOPSIS
    Removes one folder only if it is empty (never recursively) and verifies it is gone.
    .DESCRIPTION
    Returns 'removed', 'absent', or 'kept' with the names it still holds (as .Holds). The emptiness check and
    the removal are both done here, right before each other; Remove-Item gets no -Recurse, so a folder that
    gained content in between makes Remove-Item fail instead of deleting it. A folder still present after the
    bounded retries is a terminating error naming it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [int] $Attempts = 10,
        [int] $DelayMilliseconds = 3000
    )
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        return [pscustomobject]@{ Status = 'absent'; Holds = @() }
    }
    for ($attempt = 1; $attempt -le $Attempts; $attempt++) {
        $children = @(Get-ChildItem -LiteralPath $Path -Force -ErrorAction Stop)
        if ($children.Count -gt 0) {
            $names = @($children | ForEach-Object -Process { $_.Name } | Sort-Object)
            return [pscustomobject]@{ Status = 'kept'; Holds = $names }
        }
        $lastError = 'the folder was still present after the removal'
        try {
            Remove-Item -LiteralPath $Path -Force -ErrorAction Stop
        } catch {
            $lastError = $_.Exception.Message
        }
        if (-not (Test-Path -LiteralPath $Path)) {
            return [pscustomobject]@{ Status = 'removed'; Holds = @() }
        }
        if ($attempt -lt $Attempts) {
            Start-Sleep -Milliseconds $DelayMilliseconds
        }
    }
    throw (New-AgentError -Code 'folder_locked' -Object $Path -Message ("could not remove the empty folder '" + $Path + "': " + $lastError))
}
