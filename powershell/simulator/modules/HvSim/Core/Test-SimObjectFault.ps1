function Test-SimObjectFault {
    <#
    .SYNOPSIS
    Inside a transaction, before a cmdlet acts on (or returns) an object: applies the injected faults for it.
    A hang adds to Result.HangSeconds (served by Write-SimResult); a failure adds an error naming the object
    ("<cmdlet> failed for '<object>': <message>") and returns $true: the cmdlet must skip that object.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [AllowNull()]
        [AllowEmptyString()]
        [string[]] $Candidates,

        [AllowNull()]
        [object] $TargetObject
    )
    if (@($State.faults).Count -eq 0) {
        return $false
    }
    $hang = Test-SimFault -State $State -CommandName $CommandName -Candidates $Candidates -Kind 'hang'
    if ($hang) {
        $Result.HangSeconds = [math]::Max([double] $Result.HangSeconds, [double] $hang.Fault.seconds)
    }
    $fail = Test-SimFault -State $State -CommandName $CommandName -Candidates $Candidates -Kind 'fail'
    if (-not $fail) {
        return $false
    }
    $reason = if ($fail.Fault.message) { $fail.Fault.message } else { 'simulated fault' }
    $Result.Errors.Add((New-SimErrorRecord -Message "$CommandName failed for '$($fail.Object)': $reason" -ErrorId 'OperationFailed' -Category NotSpecified -CommandName $CommandName -TargetObject $TargetObject))
    $true
}
