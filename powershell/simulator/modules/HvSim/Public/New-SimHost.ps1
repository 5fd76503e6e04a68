function New-SimHost {
    <#
    .SYNOPSIS
    Builds a simulated Hyper-V host in a sandbox folder from a scenario: every disk, configuration file, ISO,
    stray file and folder is created for real, then state.json is written.
    .DESCRIPTION
    Refuses an existing, non-empty sandbox unless -Force, which removes it first with Remove-SimSandbox (that
    clears file locks, and refuses a folder that is not a sandbox). The scenario format is documented in
    simulator/README.md. Returns the sandbox's full path.
    .PARAMETER ScenarioPath
    A scenario JSON file.
    .PARAMETER Scenario
    The scenario as a hashtable (tests build small hosts inline).
    .PARAMETER SandboxPath
    The folder to build the host in.
    .PARAMETER Force
    Rebuild an existing sandbox.
    .PARAMETER MaxFileSizeBytes
    Caps the length of every created file (disks, ISOs): the state keeps the scenario's sizes, Get-VHD's
    FileSize shows the real, smaller length. For tests that read or hash whole sandboxes.
    .EXAMPLE
    New-SimHost -ScenarioPath ./scenarios/lab.json -SandboxPath /tmp/lab -Force
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Path')]
        [string] $ScenarioPath,

        [Parameter(Mandatory, ParameterSetName = 'Object')]
        [System.Collections.IDictionary] $Scenario,

        [Parameter(Mandatory)]
        [string] $SandboxPath,

        [switch] $Force,

        [ValidateRange(0, [int64]::MaxValue)]
        [int64] $MaxFileSizeBytes = -1
    )
    if ($PSCmdlet.ParameterSetName -eq 'Path') {
        $text = [System.IO.File]::ReadAllText((Resolve-Path -LiteralPath $ScenarioPath).ProviderPath)
        $Scenario = ConvertFrom-Json -InputObject $text -AsHashtable -DateKind String -Depth 64
    }
    else {
        # Work on a copy: normalising must not change the caller's hashtable.
        $Scenario = ConvertFrom-Json -InputObject (ConvertTo-Json -InputObject $Scenario -Depth 32) -AsHashtable -DateKind String -Depth 64
    }
    $sandbox = [System.IO.Path]::GetFullPath($SandboxPath)
    if ([System.IO.Directory]::Exists($sandbox) -and [System.IO.Directory]::EnumerateFileSystemEntries($sandbox).GetEnumerator().MoveNext()) {
        if (-not $Force) {
            throw "The sandbox '$sandbox' already exists; use -Force to rebuild it."
        }
        if (-not $PSCmdlet.ShouldProcess($sandbox, 'Remove and rebuild simulator sandbox')) {
            return
        }
        Remove-SimSandbox -Path $sandbox -Confirm:$false
    }
    $built = ConvertTo-SimHostState -Scenario $Scenario
    $state = ConvertFrom-Json -InputObject (ConvertTo-Json -InputObject $built -Depth 32) -AsHashtable -DateKind String -Depth 64
    $null = [System.IO.Directory]::CreateDirectory($sandbox)
    New-SimHostFile -State $state -Root $sandbox -File @($Scenario.files | Where-Object -FilterScript { $_ }) -Directory @($Scenario.directories | Where-Object -FilterScript { $_ }) -MaxFileSizeBytes $MaxFileSizeBytes
    Write-SimStateFile -Root $sandbox -State $state
    # Settle once so running VMs hold their disks from the start.
    Invoke-SimTransaction -Root $sandbox -ScriptBlock { param($State) }
    $sandbox
}
