function Save-DeletePlan {
    <#
    .SYNOPSIS
    Saves what a delete knows about its VM before changing anything (S9): the VM record, its disks' chains and
    the plan, so a re-run after a failure or an interruption can finish the work even when the VM is gone.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Job
    )
    $path = Get-SavedPlanPath -VmId $Job.Payload.vm_id
    Initialize-AgentFolder -Path (Get-WindowsParentPath -Path $path)
    $chains = @()
    foreach ($disk in @(Get-VmDiskPathList -Record $Job.Target)) {
        foreach ($link in @(Get-VhdChainPaths -Map $Job.Chains -Path $disk)) {
            $key = Get-WindowsPathKey -Path $link
            if ($Job.Chains.ContainsKey($key)) { $chains += $Job.Chains[$key] }
        }
    }
    $document = [ordered]@{
        format   = 1
        job_id   = $Job.Payload.job_id
        saved_at = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        vm       = $Job.Target
        chains   = $chains
        plan     = $Job.Plan
    }
    Set-Content -LiteralPath $path -Value (ConvertTo-AgentJson -InputObject $document) -Encoding Ascii -ErrorAction Stop
}
