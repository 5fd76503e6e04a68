# Loads the simulator modules the way the simulator README says (modules folder first on PSModulePath, an
# HVSIM_ROOT sandbox), and puts everything back afterwards. Dot-sourced by CmdletFidelity.Tests.ps1.

function Enter-SimulatorSession {
    param([Parameter(Mandatory = $true)] [string] $ModulesRoot, [Parameter(Mandatory = $true)] [string[]] $ModuleName)
    $session = [pscustomobject]@{
        OldModulePath = $env:PSModulePath
        OldRoot       = $env:HVSIM_ROOT
        Sandbox       = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("hvsim-fidelity-" + [guid]::NewGuid().ToString('N'))
        Modules       = @()
        Errors        = [ordered]@{}
    }
    # An empty host: metadata is all this test reads, and importing must not need a lab.
    $null = New-Item -ItemType Directory -Path $session.Sandbox
    $env:HVSIM_ROOT = $session.Sandbox
    $env:PSModulePath = $ModulesRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath
    foreach ($name in $ModuleName) {
        $path = Join-Path -Path $ModulesRoot -ChildPath $name
        try {
            if (-not (Test-Path -LiteralPath $path)) { throw "no module folder at $path" }
            $session.Modules += Import-Module -Name $path -Global -Force -PassThru -ErrorAction Stop -WarningAction SilentlyContinue 3>$null
        }
        catch {
            $session.Errors[$name] = $_.Exception.Message
        }
    }
    return $session
}

function Exit-SimulatorSession {
    param([Parameter(Mandatory = $true)] [object] $Session)
    foreach ($module in $Session.Modules) { Remove-Module -ModuleInfo $module -Force -ErrorAction SilentlyContinue }
    $env:PSModulePath = $Session.OldModulePath
    $env:HVSIM_ROOT = $Session.OldRoot
    Remove-Item -LiteralPath $Session.Sandbox -Recurse -Force -ErrorAction SilentlyContinue
}

function Get-SimulatorCommandCase {
    # One test case per command the loaded simulator modules export.
    param([Parameter(Mandatory = $true)] [object] $Session)
    foreach ($module in $Session.Modules) {
        foreach ($command in ($module.ExportedCommands.Values | Sort-Object -Property Name)) {
            @{ Module = $module.Name; Name = $command.Name }
        }
    }
}
