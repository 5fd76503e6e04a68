<#
.SYNOPSIS
    Proves the fidelity checks of CmdletFidelity.Tests.ps1 fail when they should: a throwaway simulator module
    and a throwaway agent script under TestDrive invent parameters, aliases, types and combinations.
#>

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandSignature.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'CommandCallAnalysis.ps1')
    $reference = Import-RealCmdletReference -Path (Join-Path -Path $PSScriptRoot -ChildPath 'real-cmdlets.json')

    function Import-FixtureModule {
        param([string] $Name, [string] $Source)
        $folder = Join-Path -Path $TestDrive -ChildPath $Name
        $null = New-Item -ItemType Directory -Path $folder -Force
        Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath "$Name.psm1") -Value $Source
        Import-Module -Name (Join-Path -Path $folder -ChildPath "$Name.psm1") -Force -PassThru
    }

    # Stands in for the simulator's Hyper-V module; every deviation from the real cmdlet is marked.
    $invented = Import-FixtureModule -Name 'FidelityInvented' -Source @'
function Stop-VM {
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Name')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'Name')] [Alias('VMName')] [string[]] $Name,
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'VMObject', ValueFromPipeline = $true)] [object[]] $VM,
        [switch] $TurnOff,
        [switch] $Force,
        [switch] $Graceful
    )
}
function Get-VM { param([Alias('VMName', 'Vm')] [string[]] $Name, [string] $Id) }
function Remove-VMSnapshot { param([string[]] $VMName, [string] $IncludeAllChildSnapshots) }
function Get-VMHardDiskDrive { param([string[]] $VMName, [ValidateSet('IDE', 'SCSI', 'Floppy')] [string] $ControllerType) }
function Get-VMMagic { param([string] $Name) }
'@
    # A faithful subset of the real Stop-VM: must produce no finding.
    $faithful = Import-FixtureModule -Name 'FidelityFaithful' -Source @'
function Stop-VM {
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Name')]
    param(
        [Parameter(ParameterSetName = 'Name')] [string[]] $ComputerName,
        [Parameter(ParameterSetName = 'Name')] [pscredential[]] $Credential,
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'Name', ValueFromPipeline = $true)] [Alias('VMName')] [string[]] $Name,
        [Parameter(Mandatory = $true, Position = 0, ParameterSetName = 'VMObject', ValueFromPipeline = $true)] [psobject[]] $VM,
        [switch] $Save, [switch] $TurnOff, [switch] $Force, [switch] $AsJob, [switch] $Passthru
    )
}
function Get-VMHardDiskDrive { param([string[]] $VMName, [ValidateSet('IDE', 'SCSI')] [string] $ControllerType, [int] $ControllerNumber) }
'@

    function Get-FixtureFinding {
        param([System.Management.Automation.PSModuleInfo] $Module, [string] $Name, [string[]] $Allowlist = @())
        $command = Get-Command -Name "$($Module.Name)\$Name" -ErrorAction Stop
        Get-SimulatorCommandFinding -Command $command -ModuleName 'Hyper-V' -Reference $reference -Allowlist $Allowlist
    }

    # Stands in for the agent bundle.
    $agentScript = Join-Path -Path $TestDrive -ChildPath 'Invoke-FixtureJob.ps1'
    Set-Content -LiteralPath $agentScript -Value @'
function Invoke-FixtureJob {
    param($vmName, $vmId, $vm)
    Hyper-V\Stop-VM -Name $vmName -Graceful
    $stop = @{ Name = $vmName; Hard = $true }
    Hyper-V\Stop-VM @stop
    Hyper-V\Get-VM -Id $vmId -Name $vmName
    Hyper-V\Stop-VM -TurnOff -Force
    $vm | Hyper-V\Stop-VM -TurnOff -Force
    Hyper-V\Stop-VM -Name $vmName -TurnOf
    Hyper-V\Remove-VM $vmName -Force
    $built = Get-Something
    Hyper-V\Remove-VM @built
    Hyper-V\Get-VHD -Path
    Hyper-V\Get-VM -Id $vmId -ProgressAction SilentlyContinue
    Hyper-V\Stop-VM -Name $vmName -Save
    $dvd = [ordered]@{ VMName = $vmName }
    $dvd['ControllerNumber'] = 0
    $dvd.Add('ControllerLocation', 1)
    Hyper-V\Remove-VMDvdDrive @dvd -Confirm:$false
    Get-VM -Name $vmName
}
'@
    $calls = @(Get-ModuleQualifiedCall -Path $agentScript)
    function Resolve-FixtureCall {
        param([string] $Like, [object] $Signature)
        $call = $calls | Where-Object -FilterScript { $_.Text -like $Like } | Select-Object -First 1
        if (-not $call) { throw "no fixture call like $Like" }
        if (-not $Signature) { $Signature = $reference[$call.Key] }
        Resolve-CommandCall -Call $call -Signature $Signature
    }
}

AfterAll {
    Remove-Module -Name 'FidelityInvented', 'FidelityFaithful' -Force -ErrorAction SilentlyContinue
}

Describe 'The simulator check on a fixture module' {
    It 'flags an invented parameter' {
        (Get-FixtureFinding -Module $invented -Name 'Stop-VM') -join "`n" | Should -Match 'Stop-VM -Graceful: the real cmdlet has no such parameter'
    }

    It 'flags an invented alias and a type that accepts what the real one rejects' {
        $findings = (Get-FixtureFinding -Module $invented -Name 'Get-VM') -join "`n"
        $findings | Should -Match "-Name: alias 'Vm' is not a real alias"
        $findings | Should -Match '-Id: is String but the real one is Guid'
    }

    It 'flags a value parameter where the real one is a switch, and a missing real alias' {
        $findings = (Get-FixtureFinding -Module $invented -Name 'Remove-VMSnapshot') -join "`n"
        $findings | Should -Match '-IncludeAllChildSnapshots: is a String value but the real one is a switch'
        $findings | Should -Match "lacks the real alias 'IncludeAllChildCheckpoints'"
    }

    It 'flags an enum value the real cmdlet does not accept' {
        (Get-FixtureFinding -Module $invented -Name 'Get-VMHardDiskDrive') -join "`n" | Should -Match 'accepts Floppy'
    }

    It 'flags a command the reference does not list, unless it is allowlisted' {
        (Get-FixtureFinding -Module $invented -Name 'Get-VMMagic') -join "`n" | Should -Match 'not a cmdlet the reference lists'
        Get-FixtureFinding -Module $invented -Name 'Get-VMMagic' -Allowlist 'Hyper-V\Get-VMMagic' | Should -BeNullOrEmpty
    }

    It 'finds nothing in a faithful command' {
        Get-FixtureFinding -Module $faithful -Name 'Stop-VM' | Should -BeNullOrEmpty
        Get-FixtureFinding -Module $faithful -Name 'Get-VMHardDiskDrive' | Should -BeNullOrEmpty
    }
}

Describe 'The agent-call check on a fixture script' {
    It 'finds every module-qualified call' {
        $calls.Count | Should -Be 12
    }

    It 'flags an invented parameter, given directly or in a splat' {
        (Resolve-FixtureCall -Like '*-Graceful*').Findings -join "`n" | Should -Match '-Graceful is not a parameter of Hyper-V\\Stop-VM'
        (Resolve-FixtureCall -Like '*@stop*').Findings -join "`n" | Should -Match '-Hard is not a parameter of Hyper-V\\Stop-VM \(in @stop\)'
    }

    It 'flags a combination no parameter set accepts' {
        (Resolve-FixtureCall -Like '*-Id $vmId -Name*').Findings -join "`n" | Should -Match 'fits no parameter set'
    }

    It 'requires mandatory parameters unless the pipeline can supply them' {
        $both = @($calls | Where-Object -FilterScript { $_.Text -eq 'Hyper-V\Stop-VM -TurnOff -Force' })
        $both.Count | Should -Be 2
        $alone = $both | Where-Object -FilterScript { $_.Ast.Parent.PipelineElements.Count -eq 1 }
        $piped = $both | Where-Object -FilterScript { $_.Ast.Parent.PipelineElements.Count -eq 2 }
        (Resolve-CommandCall -Call $alone -Signature $reference['Hyper-V\Stop-VM']).Findings -join "`n" | Should -Match 'fits no parameter set'
        (Resolve-CommandCall -Call $piped -Signature $reference['Hyper-V\Stop-VM']).Findings | Should -BeNullOrEmpty
    }

    It 'allows an unambiguous prefix but reports it' {
        $result = Resolve-FixtureCall -Like '*-TurnOf'
        $result.Findings | Should -BeNullOrEmpty
        $result.Notes -join "`n" | Should -Match '-TurnOf binds to -TurnOff by prefix'
        $result.Used | Should -Contain 'TurnOff'
    }

    It 'flags positional arguments, unverifiable splats, missing arguments and parameters 5.1 lacks' {
        (Resolve-FixtureCall -Like '*Remove-VM $vmName*').Findings -join "`n" | Should -Match 'positional argument'
        (Resolve-FixtureCall -Like '*@built*').Findings -join "`n" | Should -Match 'other than a hashtable literal'
        (Resolve-FixtureCall -Like '*Get-VHD -Path').Findings -join "`n" | Should -Match '-Path has no argument'
        (Resolve-FixtureCall -Like '*-ProgressAction*').Findings -join "`n" | Should -Match '-ProgressAction is not a parameter'
    }

    It 'follows a splat built in steps and accepts it when it fits' {
        $result = Resolve-FixtureCall -Like '*@dvd*'
        $result.Findings | Should -BeNullOrEmpty
        $result.Used | Should -Be @('VMName', 'ControllerNumber', 'ControllerLocation', 'Confirm')
    }

    It 'flags a call the simulator cannot bind although the real cmdlet can' {
        $simulated = ConvertTo-CommandSignature -Command (Get-Command -Name 'FidelityInvented\Stop-VM') -Key 'fixture Stop-VM'
        (Resolve-FixtureCall -Like '*-Save').Findings | Should -BeNullOrEmpty
        (Resolve-FixtureCall -Like '*-Save' -Signature $simulated).Findings -join "`n" | Should -Match '-Save is not a parameter of fixture Stop-VM'
    }

    It 'flags a cmdlet called by its bare name' {
        (Get-UnqualifiedCall -Path $agentScript -Name 'Get-VM', 'Stop-VM') -join "`n" | Should -Match 'Invoke-FixtureJob.ps1:\d+ Get-VM'
    }
}
