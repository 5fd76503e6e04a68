<#
.SYNOPSIS
Test fixture: writes the number of lines given in the payload (plain text), with an event every 1000 lines.
#>
param()
$count = [int] ((@($input) -join '').Trim())
for ($index = 1; $index -le $count; $index++) {
    if ($index % 1000 -eq 0) {
        Write-Host -Object ('##hvagent {"type":"warning","job_id":null,"message":"line ' + $index + '"}')
    } else {
        Write-Host -Object ('line ' + $index)
    }
}
