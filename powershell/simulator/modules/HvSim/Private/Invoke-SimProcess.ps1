function Invoke-SimProcess {
    <#
    .SYNOPSIS
    Starts a process with an argument list (never a command line built from paths). With -Wait returns its
    exit code; without, leaves it running detached. Its standard streams are redirected so a lingering child
    never holds the caller's stdout open.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $FilePath,

        [string[]] $ArgumentList = @(),

        [switch] $Wait
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) {
        $info.ArgumentList.Add($argument)
    }
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $process.StandardInput.Close()
    if (-not $Wait) {
        return
    }
    $null = $process.StandardError.ReadToEndAsync()
    $null = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $process.ExitCode
}
