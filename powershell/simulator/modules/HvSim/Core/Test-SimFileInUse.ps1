function Test-SimFileInUse {
    <#
    .SYNOPSIS
    Inside a transaction: whether a running VM (on any node) holds the file open.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [string] $Path
    )
    $wanted = Format-SimPath -Path $Path
    [bool] (@(Get-SimInUsePath -State $State) | Where-Object -FilterScript { $_ -ieq $wanted })
}
