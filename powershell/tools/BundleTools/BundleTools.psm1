# Developer tools over the agent bundle (see ../README.md). One function per file under Public/ and Private/.
Set-StrictMode -Version Latest

# The parameter metadata of built-in cmdlets comes from these modules only, so a check never auto-loads some
# other module (for example the simulator's Hyper-V, which maps drives when imported).
Import-Module -Name Microsoft.PowerShell.Management, Microsoft.PowerShell.Utility, Microsoft.PowerShell.Security

$privateFiles = Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -Filter '*.ps1' -File -Recurse
$publicFiles = Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'Public') -Filter '*.ps1' -File
foreach ($file in @($privateFiles) + @($publicFiles)) {
    . $file.FullName
}

# The rule table: data, one entry per rule, each naming the small function that checks it.
$script:PS51RuleTable = Import-PowerShellDataFile -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'Data/PS51Rules.psd1')

Export-ModuleMember -Function $publicFiles.BaseName
