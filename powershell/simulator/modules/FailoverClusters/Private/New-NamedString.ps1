function New-NamedString {
    <#
    .SYNOPSIS
    A string that also has a Name property: real cluster objects' OwnerNode, OwnerGroup and ResourceType are
    objects whose Name is the text, and scripts use both $x.OwnerNode.Name and $x.OwnerNode -eq 'HV01'.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Value
    )
    $Value | Add-Member -NotePropertyName 'Name' -NotePropertyValue $Value -PassThru
}
