function Resolve-VMRecord {
    <#
    .SYNOPSIS
    Inside a transaction: the VM records a cmdlet acts on, from -VM objects (by id, on any node) or names
    (wildcards, this host or -ComputerName; duplicate names all match). A VM object that no longer exists, or
    a name without wildcards that matches nothing, adds Hyper-V's not-found error to the result.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [object[]] $VM,

        [string[]] $Name,

        [string[]] $ComputerName
    )
    if ($VM) {
        foreach ($object in $VM) {
            $id = if ($object.VMId) { $object.VMId } else { $object.Id }
            $record = if ($id) { Find-SimVM -State $State -Id $id -AnyNode } else { $null }
            if (-not $record) {
                $message = "Hyper-V was unable to find a virtual machine with ID `"$id`"."
                $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $object))
                continue
            }
            $record
        }
        return
    }
    $nodes = @(Resolve-VMComputerName -State $State -Result $Result -CommandName $CommandName -ComputerName $ComputerName)
    if ($nodes.Count -eq 0) {
        return
    }
    foreach ($pattern in $Name) {
        $found = @(Find-SimVM -State $State -Name $pattern -ComputerName $nodes)
        if ($found.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($pattern)) {
            $message = "Hyper-V was unable to find a virtual machine with name `"$pattern`"."
            $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName $CommandName -TargetObject $pattern -ExceptionKind Argument))
        }
        $found
    }
}
