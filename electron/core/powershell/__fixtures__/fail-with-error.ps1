<#
.SYNOPSIS
Test fixture: writes a plain line, then fails with a terminating error and no result event.
#>
param()
$ErrorActionPreference = 'Stop'
Write-Host -Object 'about to fail'
throw 'the disk D:\VMs\web01.vhdx is locked'
