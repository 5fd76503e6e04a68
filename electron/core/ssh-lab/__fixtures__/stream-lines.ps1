<#
.SYNOPSIS
Test fixture for the ssh transport: prints lines with pauses between them, the last one saying when it ends.

.DESCRIPTION
Runs on the "remote" test host through PowerShell SSH remoting (sent with Invoke-Command -FilePath). The host
and the workstation share one clock here, so the workstation can tell whether the first line reached it before
the script ended (live streaming) or only with the rest (buffered).

.INPUTS
System.String. The agent payload; ignored.

.OUTPUTS
Three lines written with Write-Host; the last is 'script ends at <Unix milliseconds>'.
#>
param()
# Read the payload first, as the agent's entry scripts do: Invoke-Command -FilePath -InputObject pipes it into the
# script, and a script that leaves it unread has it bound to its first command.
$null = @($input)
Write-Host -Object 'first line'
Start-Sleep -Milliseconds 1500
Write-Host -Object 'second line'
Start-Sleep -Milliseconds 1500
Write-Host -Object ('script ends at ' + [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds())
