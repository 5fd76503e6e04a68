function Find-OtherVmContent {
    <#
    .SYNOPSIS
    Who else has something at or beneath a folder: the first other VM whose file or folder lies there, or $null.
    .DESCRIPTION
    A folder holding another VM's disk, ISO or configuration/checkpoint/smart-paging folder (even one that is
    still empty) is never one of this VM's own folders and is never pruned (S3, S4, S5).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $Index,
        [Parameter(Mandatory = $true)] [string] $Folder
    )
    foreach ($reference in $Index.Folders) {
        if (Test-WindowsPathUnder -Path $reference.Path -Folder $Folder -OrEqual) {
            return ($reference.Owner + ' uses the folder ' + "'" + $reference.Path + "'")
        }
    }
    foreach ($key in $Index.Files.Keys) {
        if (Test-WindowsPathUnder -Path $key -Folder $Folder) {
            return ($Index.Files[$key] + ' uses a file beneath it')
        }
    }
    return $null
}
