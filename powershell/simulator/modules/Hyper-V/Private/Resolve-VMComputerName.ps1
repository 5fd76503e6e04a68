function Resolve-VMComputerName {
    <#
    .SYNOPSIS
    Inside a transaction: the node names a -ComputerName value means ('.', 'localhost' and the host's own
    name mean this host; cluster nodes are known by name). Unknown names add an error to the result.
    Without -ComputerName: this host.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [hashtable] $State,

        [Parameter(Mandatory)]
        [hashtable] $Result,

        [Parameter(Mandatory)]
        [string] $CommandName,

        [string[]] $ComputerName
    )
    $local = $State.host.computerName
    if (-not $ComputerName) {
        return $local
    }
    $nodes = @($local)
    if ($State.cluster) {
        $nodes += @($State.cluster.nodes | ForEach-Object -Process { $_.name })
    }
    foreach ($name in $ComputerName) {
        $short = ($name -split '\.', 2)[0]
        if ($name -eq '.' -or $name -ieq 'localhost' -or $short -ieq $local) {
            $local
            continue
        }
        $node = $nodes | Where-Object -FilterScript { $_ -ieq $short } | Select-Object -First 1
        if ($node) {
            $node
            continue
        }
        $message = "Hyper-V encountered an error trying to access an object on computer '$name' because the object was not found. The object might have been deleted, or you might not have permission to perform the task."
        $Result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName $CommandName -TargetObject $name))
    }
}
