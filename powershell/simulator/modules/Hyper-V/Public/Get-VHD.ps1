function Get-VHD {
    <#
    .SYNOPSIS
    (Simulated) Gets virtual hard disk objects by path, or those of virtual machines (-VMId).
    .DESCRIPTION
    Paths are taken literally (as -LiteralPath would). FileSize is the real file's length; ParentPath walks a
    differencing chain. A missing file is an ObjectNotFound error. Get-VM | Get-VHD works: a VM object piped
    in stands for its VMId. -DiskNumber finds nothing (no disk is mounted on the simulated host).
    .EXAMPLE
    Hyper-V\Get-VHD -Path 'C:\VMs\web01\Virtual Hard Disks\web01.vhdx'
    #>
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    [OutputType('Microsoft.Vhd.PowerShell.VirtualHardDisk')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Path', Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [string[]] $Path,

        [Parameter(Mandatory, ParameterSetName = 'Disk', Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('Number')]
        [uint32] $DiskNumber,

        [Parameter(Mandatory, ParameterSetName = 'VMId', Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Id')]
        [guid[]] $VMId,

        [string[]] $ComputerName
    )
    process {
        $vmIds = $VMId
        $paths = $Path
        # A VM object binds -Path by property name (its folder); a real host treats it as the VM.
        if ($PSCmdlet.ParameterSetName -eq 'Path' -and $_ -and $_.PSObject.TypeNames -contains 'Microsoft.HyperV.PowerShell.VirtualMachine') {
            $vmIds = @([guid] $_.VMId)
            $paths = @()
        }
        $setName = $PSCmdlet.ParameterSetName
        $result = Invoke-SimTransaction -ReadOnly -ScriptBlock {
            param($State)
            $result = New-SimResult
            $root = Get-SimRoot
            $wanted = [System.Collections.Generic.List[string]]::new()
            if ($setName -eq 'Disk') {
                $message = "Hyper-V was unable to find a virtual hard disk attached as disk number $DiskNumber."
                $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName 'Get-VHD' -TargetObject $DiskNumber))
            }
            foreach ($id in @($vmIds | Where-Object -FilterScript { $_ })) {
                $record = Find-SimVM -State $State -Id $id -AnyNode
                if (-not $record) {
                    $message = "Hyper-V was unable to find a virtual machine with ID `"$id`"."
                    $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'InvalidParameter' -Category InvalidArgument -CommandName 'Get-VHD' -TargetObject $id -ExceptionKind Argument))
                    continue
                }
                foreach ($drive in @($record.hardDrives | Where-Object -FilterScript { $_ -and $_.path })) {
                    $wanted.Add($drive.path)
                }
            }
            foreach ($item in @($paths | Where-Object -FilterScript { $_ })) {
                $wanted.Add((ConvertFrom-SimRealPath -Path $item -Root $root))
            }
            foreach ($item in $wanted) {
                $disk = $null
                if ($item -match '^[A-Z]:\\') {
                    $disk = ConvertTo-VhdObject -State $State -Path $item -Root $root
                }
                if (-not $disk) {
                    $message = "Getting the mounted storage instance for the path '$item' failed. The system cannot find the file specified."
                    $result.Errors.Add((New-SimErrorRecord -Message $message -ErrorId 'ObjectNotFound' -Category ObjectNotFound -CommandName 'Get-VHD' -TargetObject $item -ExceptionKind ItemNotFound))
                    continue
                }
                if (-not (Test-SimObjectFault -State $State -Result $result -CommandName 'Get-VHD' -Candidates @($disk.Path) -TargetObject $disk.Path)) {
                    $result.Output.Add($disk)
                }
            }
            $result
        }
        Write-SimResult -Cmdlet $PSCmdlet -Result $result
    }
}
