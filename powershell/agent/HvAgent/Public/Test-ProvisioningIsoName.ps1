function Test-ProvisioningIsoName {
    <#
    .SYNOPSIS
    True for the common names of provisioning ISOs (cloud-init seed, unattend answer media) that the sweep of a
    VM's own folders removes even when they are not named for the VM.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [string] $FileName
    )
    $names = @('cidata.iso', 'seed.iso', 'cloud-init.iso', 'cloudinit.iso', 'unattend.iso', 'autounattend.iso',
        'provision.iso', 'provisioning.iso')
    foreach ($name in $names) {
        if ([string]::Equals($FileName, $name, [System.StringComparison]::OrdinalIgnoreCase)) {
            return $true
        }
    }
    return $false
}
