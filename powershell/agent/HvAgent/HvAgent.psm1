# HvAgent: what the agent entry scripts share (payload, events, steps, host lock, Windows paths, the delete plan).
# Runs on the Hyper-V host under Windows PowerShell 5.1 and PowerShell 7. One function per file under Public/ and
# Private/. Files are touched only through provider cmdlets with -LiteralPath; paths are handled as Windows path
# strings (see the *-WindowsPath* functions), because Split-Path and [System.IO.Path] differ off Windows.
Set-StrictMode -Version 2.0
# Module functions do not see the entry script's preference variables: every error inside the module terminates.
$ErrorActionPreference = 'Stop'

# Windows PowerShell 5.1 carries extended type data for System.Array that makes ConvertTo-Json write some arrays
# as {"value":[...],"Count":n}; without it, arrays serialise as arrays, as in PowerShell 7 (which has none).
if ($PSVersionTable.PSVersion.Major -lt 6) {
    Remove-TypeData -TypeName 'System.Array' -ErrorAction SilentlyContinue
}

$privateFolder = Join-Path -Path $PSScriptRoot -ChildPath 'Private'
$publicFolder = Join-Path -Path $PSScriptRoot -ChildPath 'Public'
$privateFiles = @(Get-ChildItem -LiteralPath $privateFolder -Filter '*.ps1' -File)
$publicFiles = @(Get-ChildItem -LiteralPath $publicFolder -Filter '*.ps1' -File)
foreach ($file in ($privateFiles + $publicFiles)) {
    . $file.FullName
}

# Module state: the job id every event carries, and the host lock this process holds (released on exit paths).
$script:AgentJobId = $null
$script:HeldHostLock = $null

Export-ModuleMember -Function ($publicFiles | ForEach-Object -Process { $_.BaseName })
