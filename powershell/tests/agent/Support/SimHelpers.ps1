# Helpers for the agent's integration tests against the Hyper-V simulator: dot-source from BeforeAll.
# Each Describe builds its own sandbox host from a scenario under ../scenarios (real files, real state.json).

. (Join-Path -Path $PSScriptRoot -ChildPath 'UnitHelpers.ps1')

$script:SimModules = Join-Path -Path $script:RepoPowerShell -ChildPath 'simulator/modules'
$script:ScenarioFolder = Join-Path -Path $PSScriptRoot -ChildPath '../scenarios'
# The pwsh of this session ($PSHOME): the process path of a .NET-tool pwsh is the dotnet host, not pwsh.
$script:Pwsh = @('pwsh', 'pwsh.exe' | ForEach-Object { Join-Path -Path $PSHOME -ChildPath $_ } | Where-Object { Test-Path -LiteralPath $_ }) | Select-Object -First 1
$script:AgentScripts = @{
    Delete    = Join-Path -Path $script:AgentRoot -ChildPath 'Invoke-DeleteVmJob.ps1'
    Lifecycle = Join-Path -Path $script:AgentRoot -ChildPath 'Invoke-VmLifecycleJob.ps1'
    Inventory = Join-Path -Path $script:AgentRoot -ChildPath 'Get-HostInventory.ps1'
}
# Small retry delays and time bounds, so failure paths stay fast.
$script:FastOptions = [ordered]@{ file_retry_attempts = 3; file_retry_delay_ms = 100; merge_timeout_seconds = 20; state_timeout_seconds = 10; lock_stale_seconds = 60 }

function Initialize-SimEnvironment {
    # The simulator's modules first on PSModulePath (so Hyper-V\Get-VM resolves to it), and no ProgramData
    # (Linux has none), so the agent's data root is C:\ProgramData\HvAgent inside the sandbox.
    $separator = [System.IO.Path]::PathSeparator
    if (-not ($env:PSModulePath -split [regex]::Escape($separator) -contains $script:SimModules)) {
        $env:PSModulePath = $script:SimModules + $separator + $env:PSModulePath
    }
    Remove-Item -Path Env:ProgramData -ErrorAction SilentlyContinue
    Import-Module -Name HvSim -Global
    Import-AgentModule
}

function Get-TestScenario {
    # A scenario file as a hashtable, so a test can adjust it before building the host.
    param([Parameter(Mandatory)] [string] $Name)
    $text = Get-Content -LiteralPath (Join-Path -Path $script:ScenarioFolder -ChildPath "$Name.json") -Raw
    ConvertFrom-Json -InputObject $text -AsHashtable
}

function New-TestSandbox {
    # Builds a host from a scenario (name or hashtable) in a fresh folder and points the simulator at it.
    param(
        [string] $Name,
        [hashtable] $Scenario
    )
    if (-not $Scenario) { $Scenario = Get-TestScenario -Name $Name }
    $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('hvagent-test-' + [guid]::NewGuid().ToString('N'))
    $sandbox = New-SimHost -Scenario $Scenario -SandboxPath $path
    $script:PreviousSimRoot = $env:HVSIM_ROOT
    $env:HVSIM_ROOT = $sandbox
    Mount-SimDrive -Root $sandbox
    $sandbox
}

function Remove-TestSandbox {
    param([string] $Path)
    if ($Path -and (Test-Path -LiteralPath $Path)) {
        Remove-SimSandbox -Path $Path -Confirm:$false
    }
    # Leave the session pointing where it pointed before (other suites run in the same process).
    $env:HVSIM_ROOT = $script:PreviousSimRoot
}

function ConvertTo-AgentPayload {
    # The wire form of a payload: compact UTF-8 JSON, base64.
    param([Parameter(Mandatory)] [System.Collections.IDictionary] $Body)
    [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $Body -Compress -Depth 10)))
}

function New-DeletePayload {
    param(
        [Parameter(Mandatory)] [string] $VmId,
        [Parameter(Mandatory)] [string] $VmName,
        [string] $Mode = 'execute',
        [bool] $Force = $false,
        [string] $JobId = ('job-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    )
    [ordered]@{
        job_id = $JobId; vm_id = $VmId; vm_name = $VmName; force = $Force; mode = $Mode
        requested_by = 'tester'; control_plane = 'WS-TEST'; options = $script:FastOptions
    }
}

function ConvertFrom-AgentOutput {
    # Splits an agent's output lines into log lines and parsed events; picks out plan, steps and result.
    param([string[]] $Lines, [int] $ExitCode)
    $events = @($Lines | Where-Object { $_.StartsWith('##hvagent ') } | ForEach-Object { $_.Substring(10) | ConvertFrom-Json })
    [pscustomobject]@{
        ExitCode = $ExitCode
        Lines    = $Lines
        Events   = $events
        Plan     = @($events | Where-Object { $_.type -eq 'plan' }) | Select-Object -First 1
        Steps    = @($events | Where-Object { $_.type -eq 'step' })
        Warnings = @($events | Where-Object { $_.type -eq 'warning' })
        Result   = @($events | Where-Object { $_.type -eq 'result' }) | Select-Object -Last 1
    }
}

function Get-FailureText {
    # The error message of a run's result, or '' (for -Because; strict-mode safe when there is no error).
    param($Run)
    if ($null -ne $Run.Result -and $null -ne $Run.Result.error) { return [string] $Run.Result.error.message }
    ''
}

function Invoke-AgentJob {
    # Runs an entry script in this process with the payload as pipeline input (as Invoke-Command delivers it).
    param(
        [Parameter(Mandatory)] [ValidateSet('Delete', 'Lifecycle', 'Inventory')] [string] $Script,
        [System.Collections.IDictionary] $Body,
        [string] $RawPayload
    )
    if ($Body) { $RawPayload = ConvertTo-AgentPayload -Body $Body }
    $global:LASTEXITCODE = 0
    $lines = @($RawPayload | & $script:AgentScripts[$Script] 6>&1 | ForEach-Object { [string] $_ })
    ConvertFrom-AgentOutput -Lines $lines -ExitCode $global:LASTEXITCODE
}

function Start-AgentProcess {
    # Starts an entry script in a new pwsh process with the payload on its standard input; returns the process
    # (its output is left unread, so a test can stop it by id midway, as an interrupted job).
    param(
        [Parameter(Mandatory)] [ValidateSet('Delete', 'Lifecycle', 'Inventory')] [string] $Script,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Body
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new($script:Pwsh)
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $script:AgentScripts[$Script])) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $start.Environment['HVSIM_ROOT'] = $env:HVSIM_ROOT
    $start.Environment['PSModulePath'] = $env:PSModulePath
    $start.Environment.Remove('ProgramData') | Out-Null
    $start.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Write((ConvertTo-AgentPayload -Body $Body))
    $process.StandardInput.Close()
    $null = $process.StandardOutput.ReadToEndAsync()
    $process
}

function Invoke-AgentProcess {
    # Runs an entry script in a new pwsh process: the payload goes to standard input, as over SSH or a pipe.
    param(
        [Parameter(Mandatory)] [ValidateSet('Delete', 'Lifecycle', 'Inventory')] [string] $Script,
        [System.Collections.IDictionary] $Body,
        [AllowEmptyString()] [string] $RawPayload
    )
    if ($Body) { $RawPayload = ConvertTo-AgentPayload -Body $Body }
    $start = [System.Diagnostics.ProcessStartInfo]::new($script:Pwsh)
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $script:AgentScripts[$Script])) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $start.Environment['HVSIM_ROOT'] = $env:HVSIM_ROOT
    $start.Environment['PSModulePath'] = $env:PSModulePath
    $start.Environment.Remove('ProgramData') | Out-Null
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Write($RawPayload)
    $process.StandardInput.Close()
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'the agent process did not finish in 120 s' }
    $lines = @($stdout -split "`r?`n" | Where-Object { $_ -ne '' })
    $output = ConvertFrom-AgentOutput -Lines $lines -ExitCode $process.ExitCode
    $output | Add-Member -NotePropertyName StdErr -NotePropertyValue $stderr.Result
    $output
}

function Get-SandboxSnapshot {
    # Every file and folder of the simulated drives with a content hash, keyed by Windows path; the agent's
    # own data root (lock, saved plans) is left out unless -IncludeAgentData.
    param([Parameter(Mandatory)] [string] $Sandbox, [switch] $IncludeAgentData)
    $snapshot = @{}
    foreach ($drive in Get-ChildItem -LiteralPath $Sandbox -Directory | Where-Object { $_.Name -match '^[A-Z]$' }) {
        foreach ($item in Get-ChildItem -LiteralPath $drive.FullName -Recurse -Force) {
            $relative = [System.IO.Path]::GetRelativePath($drive.FullName, $item.FullName).Replace('/', '\')
            $windows = "$($drive.Name):\$relative"
            if (-not $IncludeAgentData -and $windows.StartsWith('C:\ProgramData\HvAgent', [System.StringComparison]::OrdinalIgnoreCase)) { continue }
            if ($item.PSIsContainer) { $snapshot[$windows] = '<dir>' }
            else { $snapshot[$windows] = (Get-FileHash -LiteralPath $item.FullName -Algorithm SHA256).Hash }
        }
    }
    $snapshot
}

function Compare-SandboxSnapshot {
    # What changed between two snapshots: Removed, Added and Changed paths (sorted).
    param([hashtable] $Before, [hashtable] $After)
    [pscustomobject]@{
        Removed = @($Before.Keys | Where-Object { -not $After.ContainsKey($_) } | Sort-Object)
        Added   = @($After.Keys | Where-Object { -not $Before.ContainsKey($_) } | Sort-Object)
        Changed = @($Before.Keys | Where-Object { $After.ContainsKey($_) -and $After[$_] -ne $Before[$_] } | Sort-Object)
    }
}

function Get-SimVmState {
    # The simulator's own record of a VM (or $null), straight from state.json.
    param([Parameter(Mandatory)] [string] $Id)
    @((Get-SimState).vms | Where-Object { $_.id -eq $Id }) | Select-Object -First 1
}
