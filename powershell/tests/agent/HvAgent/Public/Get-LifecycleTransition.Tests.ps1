BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath '../../Support/UnitHelpers.ps1')
    Import-AgentModule
}

Describe 'Get-LifecycleTransition' {
    It '<Action> from <State>: possible <Possible>, already <Already>' -TestCases @(
        @{ Action = 'start'; State = 'Off'; Possible = $true; Already = $false }
        @{ Action = 'start'; State = 'Saved'; Possible = $true; Already = $false }
        @{ Action = 'start'; State = 'Paused'; Possible = $true; Already = $false }
        @{ Action = 'start'; State = 'Running'; Possible = $true; Already = $true }
        @{ Action = 'shutdown'; State = 'Running'; Possible = $true; Already = $false }
        @{ Action = 'shutdown'; State = 'RunningCritical'; Possible = $true; Already = $false }
        @{ Action = 'shutdown'; State = 'Paused'; Possible = $false; Already = $false }
        @{ Action = 'shutdown'; State = 'Saved'; Possible = $false; Already = $false }
        @{ Action = 'shutdown'; State = 'Off'; Possible = $true; Already = $true }
        @{ Action = 'turnoff'; State = 'Saved'; Possible = $true; Already = $false }
        @{ Action = 'turnoff'; State = 'Paused'; Possible = $true; Already = $false }
        @{ Action = 'save'; State = 'Off'; Possible = $false; Already = $false }
        @{ Action = 'save'; State = 'Paused'; Possible = $true; Already = $false }
        @{ Action = 'save'; State = 'Saved'; Possible = $true; Already = $true }
    ) {
        $transition = Get-LifecycleTransition -Action $Action -State $State
        $transition.Possible | Should -Be $Possible
        $transition.Already | Should -Be $Already
    }

    It 'explains an impossible transition' {
        (Get-LifecycleTransition -Action 'shutdown' -State 'Paused').Reason | Should -BeExactly 'cannot shut down a VM that is Paused (shut down works from Running)'
    }
}

Describe 'Get-VmStateName and Test-VmTransitionalState' {
    It 'names an enum value and strips Critical with -Base' {
        Get-VmStateName -State ([System.DayOfWeek]::Monday) | Should -BeExactly 'Monday'
        Get-VmStateName -State 'PausedCritical' -Base | Should -BeExactly 'Paused'
        Get-VmStateName -State 'PausedCritical' | Should -BeExactly 'PausedCritical'
    }

    It 'knows which states settle on their own' {
        Test-VmTransitionalState -BaseState 'Stopping' | Should -BeTrue
        Test-VmTransitionalState -BaseState 'Saved' | Should -BeFalse
    }
}
