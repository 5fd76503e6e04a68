<#
.SYNOPSIS
Test fixture: writes a CLIXML error document to standard error, as Windows PowerShell does under a
non-interactive caller, and exits 2.
#>
param()
Write-Host -Object 'before the errors'
[Console]::Error.Write("#< CLIXML`r`n<Objs Version=`"1.1.0.1`" xmlns=`"http://schemas.microsoft.com/powershell/2004/04`">")
[Console]::Error.Write('<S S="Error">Remove-Item : Cannot remove C:\VMs\web01\disk.vhdx: it is in use._x000D__x000A_</S>')
[Console]::Error.Write('<S S="Error">    + CategoryInfo          : WriteError: (C:\VMs\web01\disk.vhdx:FileInfo) [Remove-Item], IOException_x000D__x000A_</S>')
[Console]::Error.Write('<S S="Warning">size &lt; 1 GB &amp; _x005F_x000A_ literal_x000D__x000A_</S></Objs>')
exit 2
