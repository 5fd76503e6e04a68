function Set-SimVMPower {
    <#
    .SYNOPSIS
    Inside a transaction: applies a power action to a VM record following HYPERV-NOTES.md and returns the
    outcome: Changed, AlreadyInState (the caller warns), InvalidState (the caller errors) or NoShutdownService
    (graceful shutdown without the guest's shutdown service).
    .DESCRIPTION
    Start from Off/Saved/Paused; TurnOff from Running/Paused/Saved; ShutDown from Running only; Save from
    Running/Paused; Suspend from Running; Resume from Paused; RemoveSavedState from Saved. Starting, Stopping
    and Saving last transitionDelayMs and block every action until they settle. A *Critical VM behaves like its
    base state and stays Critical.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $VM,

        [Parameter(Mandatory)]
        [ValidateSet('Start', 'ShutDown', 'TurnOff', 'Save', 'Suspend', 'Resume', 'RemoveSavedState')]
        [string] $Action
    )
    $rules = @{
        Start            = @{ From = @('Off', 'Saved', 'Paused'); Target = 'Running'; Via = 'Starting' }
        ShutDown         = @{ From = @('Running'); Target = 'Off'; Via = 'Stopping' }
        TurnOff          = @{ From = @('Running', 'Paused', 'Saved'); Target = 'Off'; Via = $null }
        Save             = @{ From = @('Running', 'Paused'); Target = 'Saved'; Via = 'Saving' }
        Suspend          = @{ From = @('Running'); Target = 'Paused'; Via = $null }
        Resume           = @{ From = @('Paused'); Target = 'Running'; Via = $null }
        RemoveSavedState = @{ From = @('Saved'); Target = 'Off'; Via = $null }
    }
    $rule = $rules[$Action]
    $base = Get-SimBaseState -Name $VM.state
    $suffix = if ($VM.state.EndsWith('Critical')) { 'Critical' } else { '' }
    if ($null -ne $VM.transition) {
        return 'InvalidState'
    }
    if ($base -eq $rule.Target) {
        return 'AlreadyInState'
    }
    if ($rule.From -notcontains $base) {
        return 'InvalidState'
    }
    if ($Action -eq 'ShutDown' -and -not $VM.guestShutdownService) {
        return 'NoShutdownService'
    }
    $now = [datetime]::UtcNow
    $delay = [int] $State.behaviour.transitionDelayMs
    # Resuming a paused VM is immediate; only a cold start goes through Starting.
    if ($rule.Via -and $delay -gt 0 -and -not ($Action -eq 'Start' -and $base -eq 'Paused')) {
        $VM.state = $rule.Via + $suffix
        $VM.transition = @{ to = $rule.Target + $suffix; at = (Format-SimTime -Time $now.AddMilliseconds($delay)) }
        return 'Changed'
    }
    Set-SimVMStateValue -VM $VM -StateName ($rule.Target + $suffix) -At $now
    'Changed'
}
