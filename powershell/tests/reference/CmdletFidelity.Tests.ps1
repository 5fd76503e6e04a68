<#
.SYNOPSIS
    Proves that the Hyper-V simulator invents no cmdlet parameter and that the agent bundle calls only real
    Hyper-V / FailoverClusters parameters, in real parameter-set combinations, that the simulator also accepts.

.DESCRIPTION
    The truth is real-cmdlets.json, transcribed from Microsoft's Windows Server 2022 cmdlet reference (see
    README.md in this folder). Three families of tests:
      - every command the simulator's Hyper-V and FailoverClusters modules export is a listed real cmdlet (or on
        the allowlist below) and each of its parameters exists on the real cmdlet with a compatible type and the
        same aliases;
      - every module-qualified call in powershell/agent/**/*.ps1,*.psm1 names a real cmdlet, binds only real
        parameters (prefixes allowed and reported), fits a real parameter set, and binds the same way on the
        simulator command;
      - fixtures under TestDrive with invented parameters prove each check fails when it should.

.EXAMPLE
    Invoke-Pester -Path powershell/tests/reference -Output Detailed
#>

BeforeDiscovery {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandSignature.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandCallAnalysis.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'SimulatorSession.ps1')
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../..')).Path
    $modulesRoot = Join-Path -Path $repoRoot -ChildPath 'powershell/simulator/modules'
    $agentRoot = Join-Path -Path $repoRoot -ChildPath 'powershell/agent'

    $session = Enter-SimulatorSession -ModulesRoot $modulesRoot -ModuleName @('Hyper-V', 'FailoverClusters')
    try { $simulatorCases = @(Get-SimulatorCommandCase -Session $session) }
    finally { Exit-SimulatorSession -Session $session }
    $moduleCases = @('Hyper-V', 'FailoverClusters' | ForEach-Object -Process { @{ Module = $_ } })

    $agentFiles = @(if (Test-Path -LiteralPath $agentRoot) {
            Get-ChildItem -LiteralPath $agentRoot -Recurse -File -Include '*.ps1', '*.psm1' | Sort-Object -Property FullName
        })
    $agentCallCases = @(foreach ($file in $agentFiles) {
            foreach ($call in (Get-ModuleQualifiedCall -Path $file.FullName -RelativeTo $repoRoot)) {
                @{ File = $call.File; Line = $call.Line; Key = $call.Key; Call = $call }
            }
        })
}

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandSignature.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandCallAnalysis.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'SimulatorSession.ps1')
    $repoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../..')).Path
    $modulesRoot = Join-Path -Path $repoRoot -ChildPath 'powershell/simulator/modules'
    $agentRoot = Join-Path -Path $repoRoot -ChildPath 'powershell/agent'
    $reference = Import-RealCmdletReference -Path (Join-Path -Path $PSScriptRoot -ChildPath 'real-cmdlets.json')

    # Simulator commands that are real but not (yet) in the reference, each with the reason. Keep it short:
    # the better fix is to add the cmdlet to Update-RealCmdletReference.ps1 and regenerate the reference.
    $simulatorAllowlist = @()

    $session = Enter-SimulatorSession -ModulesRoot $modulesRoot -ModuleName @('Hyper-V', 'FailoverClusters')
}

AfterAll {
    Exit-SimulatorSession -Session $session
}

Describe 'The real-cmdlet reference' {
    It 'lists every cmdlet the simulator and the agent bundle depend on' {
        $expected = @('Get-VM', 'Start-VM', 'Stop-VM', 'Save-VM', 'Suspend-VM', 'Resume-VM', 'Get-VMHardDiskDrive',
            'Remove-VMHardDiskDrive', 'Get-VHD', 'Get-VMDvdDrive', 'Set-VMDvdDrive', 'Remove-VMDvdDrive', 'Get-VMSnapshot',
            'Remove-VMSnapshot', 'Remove-VMSavedState', 'Remove-VM', 'Get-VMHost' | ForEach-Object -Process { "Hyper-V\$_" }) +
        @('Get-Cluster', 'Get-ClusterNode', 'Get-ClusterGroup', 'Get-ClusterResource', 'Stop-ClusterGroup',
            'Start-ClusterGroup', 'Remove-ClusterGroup', 'Get-ClusterSharedVolume' | ForEach-Object -Process { "FailoverClusters\$_" })
        $missing = @($expected | Where-Object -FilterScript { -not $reference.ContainsKey($_) })
        $missing | Should -BeNullOrEmpty
    }

    It 'gives every cmdlet a default set and every parameter a name and a type' {
        $problems = foreach ($signature in $reference.Values) {
            if ($signature.Sets.Count -eq 0) { "$($signature.Key) has no parameter set" }
            foreach ($fact in $signature.Parameters.Values) {
                if (-not $fact.name -or -not $fact.type) { "$($signature.Key) has a parameter without name or type" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'agrees with facts checked by hand against the docs' {
        $stop = $reference['Hyper-V\Stop-VM']
        $stop.Parameters['TurnOff'].switch | Should -BeTrue
        @($stop.Sets.Keys) | Should -Be @('Name', 'VMObject')
        $reference['Hyper-V\Get-VM'].Parameters['Name'].aliases | Should -Be @('VMName')
        $removeDisk = $reference['Hyper-V\Remove-VMHardDiskDrive'].Sets['VMName'] | Where-Object -FilterScript { $_.name -eq 'VMName' }
        $removeDisk.type | Should -Be 'String'
        $removeDisk.mandatory | Should -BeTrue
        $removeDisk.position | Should -Be 0
        $vhdPath = $reference['Hyper-V\Get-VHD'].Parameters['Path']
        $vhdPath.aliases | Should -Be @('FullName')
        $vhdPath.pipelineByPropertyName | Should -BeTrue
        $reference['FailoverClusters\Get-ClusterGroup'].Parameters['VMId'].type | Should -Be 'Guid'
        $reference['Hyper-V\Get-VMHardDiskDrive'].Parameters['ControllerType'].acceptedValues | Should -Be @('IDE', 'SCSI')
    }
}

Describe 'Simulator module <Module>' -ForEach $moduleCases {
    It 'imports from powershell/simulator/modules' {
        $session.Errors[$Module] | Should -BeNullOrEmpty
        @($session.Modules | Where-Object -FilterScript { $_.Name -eq $Module }).Count | Should -Be 1
    }
}

Describe 'Simulator command <Module>\<Name>' -ForEach $simulatorCases {
    It 'is a real cmdlet whose parameters all exist on the real one, with compatible types and the same aliases' {
        $command = Get-Command -Name "$Module\$Name" -ErrorAction Stop
        $findings = Get-SimulatorCommandFinding -Command $command -ModuleName $Module -Reference $reference -Allowlist $simulatorAllowlist
        ($findings -join [Environment]::NewLine) | Should -BeNullOrEmpty
    }
}

Describe 'The agent bundle' {
    It 'has module-qualified Hyper-V or FailoverClusters calls to check' {
        $calls = @(Get-ChildItem -LiteralPath $agentRoot -Recurse -File -Include '*.ps1', '*.psm1' -ErrorAction SilentlyContinue |
                ForEach-Object -Process { Get-ModuleQualifiedCall -Path $_.FullName })
        $calls.Count | Should -BeGreaterThan 0 -Because 'the bundle must reach Hyper-V through module-qualified calls'
    }

    It 'calls no Hyper-V or FailoverClusters cmdlet by its bare name' {
        $bareNames = @($reference.Values | ForEach-Object -Process { $_.Key.Split('\')[1] }) +
        @($session.Modules | ForEach-Object -Process { $_.ExportedCommands.Keys })
        $unqualified = @(Get-ChildItem -LiteralPath $agentRoot -Recurse -File -Include '*.ps1', '*.psm1' -ErrorAction SilentlyContinue |
                ForEach-Object -Process { Get-UnqualifiedCall -Path $_.FullName -Name ($bareNames | Select-Object -Unique) -RelativeTo $repoRoot })
        ($unqualified -join [Environment]::NewLine) | Should -BeNullOrEmpty
    }
}

Describe 'Agent call <File>:<Line> <Key>' -ForEach $agentCallCases {
    It 'names a real cmdlet and passes only real parameters, in a combination a real parameter set accepts' {
        $reference.ContainsKey($Key) | Should -BeTrue -Because "$Key must be a cmdlet the reference lists"
        $result = Resolve-CommandCall -Call $Call -Signature $reference[$Key]
        foreach ($note in $result.Notes) { Write-Host "    REPORT ${File}:${Line} $note" }
        ($result.Findings -join [Environment]::NewLine) | Should -BeNullOrEmpty
    }

    It 'resolves to a simulator command that binds the same parameters' {
        $command = Get-Command -Name $Key -ErrorAction SilentlyContinue
        $command | Should -Not -BeNullOrEmpty -Because "the simulator must implement $Key for the lab to run the bundle"
        $simulated = Resolve-CommandCall -Call $Call -Signature (ConvertTo-CommandSignature -Command $command -Key "$Key (simulator)")
        ($simulated.Findings -join [Environment]::NewLine) | Should -BeNullOrEmpty
        if ($reference.ContainsKey($Key)) {
            $real = Resolve-CommandCall -Call $Call -Signature $reference[$Key]
            ($simulated.Used -join ', ') | Should -Be ($real.Used -join ', ')
        }
    }
}
