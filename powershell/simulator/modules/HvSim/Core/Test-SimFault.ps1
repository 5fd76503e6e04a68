function Test-SimFault {
    <#
    .SYNOPSIS
    Inside a transaction: the injected fault of this kind that fires for this cmdlet and one of the candidate
    objects (ids, names, paths), or $null. Firing uses up one of its remaining times.
    .OUTPUTS
    @{ Fault = <fault record>; Object = <the candidate it matched> }
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [AllowEmptyCollection()]
        [AllowNull()]
        [AllowEmptyString()]
        [string[]] $Candidates = @(),

        [ValidateSet('fail', 'hang')]
        [string] $Kind = 'fail'
    )
    $names = @($Candidates | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })
    foreach ($fault in @($State.faults)) {
        if ($fault.kind -ne $Kind -or $fault.cmdlet -ine $CommandName) {
            continue
        }
        $object = $null
        if ([string]::IsNullOrEmpty($fault.target) -or $fault.target -eq '*') {
            $object = if ($names.Count -gt 0) { $names[0] } else { $CommandName }
        }
        else {
            $wanted = Format-SimPath -Path $fault.target
            $object = $names | Where-Object -FilterScript { (Format-SimPath -Path $_) -ieq $wanted } | Select-Object -First 1
        }
        if ($null -eq $object) {
            continue
        }
        $script:TransactionDirty = $true
        if ($null -ne $fault.remaining) {
            $fault.remaining = [int] $fault.remaining - 1
            if ($fault.remaining -le 0) {
                $State.faults = @($State.faults | Where-Object -FilterScript { $_ -ne $fault })
            }
        }
        return @{ Fault = $fault; Object = $object }
    }
    $null
}
