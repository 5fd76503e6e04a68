function New-SimErrorRecord {
    <#
    .SYNOPSIS
    An ErrorRecord whose FullyQualifiedErrorId reads exactly as on a real host, e.g.
    'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM'.
    .DESCRIPTION
    PowerShell appends the function name to the id of errors written by a function ('...,Get-VM'); a real
    cmdlet's id ends with its class name instead. The record stores the full id the way deserialised records do
    (a private field, set by reflection), so scripts under test see the real id. If that field ever disappears
    the id degrades to '<ErrorId>,<function name>'.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)]
        [string] $Message,

        [Parameter(Mandatory)]
        [string] $ErrorId,

        [Parameter(Mandatory)]
        [System.Management.Automation.ErrorCategory] $Category,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [AllowNull()]
        [object] $TargetObject,

        [ValidateSet('InvalidOperation', 'Argument', 'ItemNotFound', 'IO')]
        [string] $ExceptionKind = 'InvalidOperation'
    )
    $exception = switch ($ExceptionKind) {
        'Argument' { [System.ArgumentException]::new($Message) }
        'ItemNotFound' { [System.Management.Automation.ItemNotFoundException]::new($Message) }
        'IO' { [System.IO.IOException]::new($Message) }
        default { [System.InvalidOperationException]::new($Message) }
    }
    $record = [System.Management.Automation.ErrorRecord]::new($exception, $ErrorId, $Category, $TargetObject)
    $field = [System.Management.Automation.ErrorRecord].GetField('_serializedFullyQualifiedErrorId', [System.Reflection.BindingFlags]'NonPublic, Instance')
    if ($field) {
        $field.SetValue($record, "$ErrorId,$(Get-SimCommandClass -CommandName $CommandName)")
    }
    $record
}
