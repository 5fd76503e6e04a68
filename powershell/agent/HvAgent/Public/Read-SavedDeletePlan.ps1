function Read-SavedDeletePlan {
    <#
    .SYNOPSIS
    The plan a previous run of this delete saved (S9), or $null. An unreadable file is reported and ignored.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $VmId
    )
    $path = Get-SavedPlanPath -VmId $VmId
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        return $null
    }
    try {
        $document = ConvertFrom-Json -InputObject (Get-Content -LiteralPath $path -Raw -ErrorAction Stop) -ErrorAction Stop
        if ($null -eq $document.vm -or [string] $document.vm.Id -ne $VmId) {
            throw 'it is not the saved plan of this VM'
        }
        return $document
    } catch {
        Write-AgentWarning -Path $path -Message ('ignoring the unreadable saved plan of a previous run: ' + $_.Exception.Message)
        return $null
    }
}
