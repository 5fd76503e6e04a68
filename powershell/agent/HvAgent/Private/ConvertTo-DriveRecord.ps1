function ConvertTo-DriveRecord {
    <#
    .SYNOPSIS
    A hard disk or DVD drive as plain data: ControllerType (name), ControllerNumber, ControllerLocation, Path,
    DiskNumber (set only for a pass-through disk, whose Path is not a file).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] $Drive
    )
    $diskNumber = $null
    $property = $Drive.PSObject.Properties['DiskNumber']
    if ($null -ne $property -and $null -ne $property.Value -and [string] $property.Value -ne '') {
        $diskNumber = [long] $property.Value
    }
    $path = $null
    if ($null -eq $diskNumber -and -not [string]::IsNullOrEmpty([string] $Drive.Path)) {
        $path = [string] $Drive.Path
    }
    return [pscustomobject]@{
        ControllerType     = [string] $Drive.ControllerType
        ControllerNumber   = [int] $Drive.ControllerNumber
        ControllerLocation = [int] $Drive.ControllerLocation
        Path               = $path
        DiskNumber         = $diskNumber
    }
}
