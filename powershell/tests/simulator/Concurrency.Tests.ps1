# Two pwsh processes changing one sandbox at the same time lose no update.
BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Support/SimulatorTestSupport.ps1')
    $scenario = New-TestScenario -VM @(
        @{ id = '7a8b9cad-becf-4ad1-8c3d-6e7f8a9bacb1'; name = 'vm-a'; path = 'C:\VMs\vm-a'; state = 'Running' },
        @{ id = '7a8b9cad-becf-4ad1-8c3d-6e7f8a9bacb2'; name = 'vm-b'; path = 'C:\VMs\vm-b'; state = 'Running' }
    ) -Behaviour @{ releaseDelayMs = 0; mergeDelayMs = 0; transitionDelayMs = 0 }
    $script:sandbox = New-TestHost -Scenario $scenario
}
AfterAll {
    Remove-TestHost -Path $script:sandbox
}

Describe 'two processes on one sandbox' {
    It 'keeps every update of both' {
        $worker = {
            param($Label, $VMName, $Rounds)
            $ErrorActionPreference = 'Stop'
            Import-Module HvSim
            Import-Module Hyper-V
            for ($round = 1; $round -le $Rounds; $round++) {
                $null = Update-SimState -ScriptBlock { param($State) $State.host.counter = [int] $State.host.counter + 1 }
                $null = Set-SimFault -CommandName 'Get-VMHost' -Target "$Label-$round"
                if ($round % 2) { Hyper-V\Suspend-VM -Name $VMName } else { Hyper-V\Resume-VM -Name $VMName }
            }
            'done'
        }
        $rounds = 25
        $pwsh = Get-TestPwsh
        $processes = foreach ($pair in @(@('A', 'vm-a'), @('B', 'vm-b'))) {
            $info = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
            foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', "& { $worker } -Label $($pair[0]) -VMName $($pair[1]) -Rounds $rounds") {
                $info.ArgumentList.Add($argument)
            }
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $info.UseShellExecute = $false
            [System.Diagnostics.Process]::Start($info)
        }
        foreach ($process in $processes) {
            $output = $process.StandardOutput.ReadToEnd()
            $errors = $process.StandardError.ReadToEnd()
            $process.WaitForExit(60000) | Should -BeTrue
            $errors | Should -BeNullOrEmpty
            $output.Trim() | Should -Be 'done'
            $process.ExitCode | Should -Be 0
        }
        $state = Get-SimState
        $state.host.counter | Should -Be (2 * $rounds)
        $targets = @($state.faults | ForEach-Object -Process { $_.target } | Sort-Object -Unique)
        $targets.Count | Should -Be (2 * $rounds)
        @(Hyper-V\Get-VM | ForEach-Object -Process { "$($_.State)" }) | Should -Be @('Paused', 'Paused')
    }
}
