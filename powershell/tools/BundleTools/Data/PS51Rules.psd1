# The Windows PowerShell 5.1 compatibility rules: data only. Each rule names the small function under
# Private/Rules that checks it (Check) and what that function looks for; Description is the rule's documentation.
# Add a rule here and a bad.ps1/good.ps1 fixture pair in powershell/tests/tools/fixtures/ps51/<Name>/.
@{
    Rules = @(
        @{ Name = 'ParseError'; Check = 'Find-ParseErrorIssue'
           Description = 'The file must parse; a parse error is reported with the parser''s message.' }

        @{ Name = 'Ternary'; Check = 'Find-AstIssue'; Match = @(@{ AstType = 'TernaryExpressionAst' })
           Description = 'The ternary operator (a ? b : c) is PowerShell 7 syntax; use if/else.' }

        @{ Name = 'PipelineChain'; Check = 'Find-AstIssue'; Match = @(@{ AstType = 'PipelineChainAst' })
           Description = 'Pipeline chains (a && b, a || b) are PowerShell 7 syntax; test $? or use try/catch.' }

        @{ Name = 'NullCoalescing'; Check = 'Find-AstIssue'
           Match = @(
               @{ AstType = 'BinaryExpressionAst'; Property = 'Operator'; Values = @('QuestionQuestion') }
               @{ AstType = 'AssignmentStatementAst'; Property = 'Operator'; Values = @('QuestionQuestionEquals') }
           )
           Description = 'The ?? and ??= operators are PowerShell 7 syntax; use if ($null -eq $x).' }

        @{ Name = 'NullConditional'; Check = 'Find-AstIssue'
           Match = @(
               @{ AstType = 'MemberExpressionAst'; Property = 'NullConditional'; Values = @($true) }
               @{ AstType = 'IndexExpressionAst'; Property = 'NullConditional'; Values = @($true) }
           )
           Description = 'Null-conditional access (${a}?.b, ${a}?[0]) is PowerShell 7 syntax; test for $null first.' }

        @{ Name = 'CleanBlock'; Check = 'Find-AstIssue'
           Match = @(@{ AstType = 'NamedBlockAst'; Property = 'BlockKind'; Values = @('Clean') })
           Description = 'clean { } blocks are PowerShell 7.3 syntax; use try/finally in end { }.' }

        @{ Name = 'ForEachParallel'; Check = 'Find-ParameterIssue'; Commands = @('ForEach-Object')
           Parameters = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
           Description = 'ForEach-Object -Parallel (and its -ThrottleLimit, -TimeoutSeconds, -AsJob) is PowerShell 7 only.' }

        @{ Name = 'WhereNot'; Check = 'Find-ParameterIssue'; Commands = @('Where-Object'); Parameters = @('Not')
           Description = 'Where-Object -Not is PowerShell 7 only; use a script block: Where-Object -FilterScript { -not $_.X }.' }

        @{ Name = 'ConvertFromJsonParameter'; Check = 'Find-ParameterIssue'; Commands = @('ConvertFrom-Json')
           Parameters = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
           Description = 'ConvertFrom-Json -AsHashtable/-Depth/-NoEnumerate/-DateKind are PowerShell 6+ only.' }

        @{ Name = 'AsByteStream'; Check = 'Find-ParameterIssue'; Commands = @('*'); Parameters = @('AsByteStream')
           Description = '-AsByteStream is PowerShell 6+; 5.1 uses -Encoding Byte, so read bytes another way (both editions).' }

        @{ Name = 'PS7Parameter'; Check = 'Find-ParameterIssue'
           Commands = @('*'); Parameters = @('ProgressAction')
           PerCommand = @{
               'ConvertTo-Json'  = @('AsArray', 'EscapeHandling')
               'Sort-Object'     = @('Top', 'Bottom', 'Stable')
               'Split-Path'      = @('LeafBase', 'Extension')
               'Get-Date'        = @('AsUTC', 'UnixTimeSeconds')
               'Select-String'   = @('Raw', 'NoEmphasis')
               'Select-Object'   = @('SkipIndex')
               'Get-ChildItem'   = @('FollowSymlink')
               'Start-Sleep'     = @('Duration')
               'Import-Module'   = @('UseWindowsPowerShell')
               'Invoke-RestMethod' = @('SkipCertificateCheck', 'Authentication', 'Token', 'SkipHttpErrorCheck', 'StatusCodeVariable', 'ResponseHeadersVariable')
               'Invoke-WebRequest' = @('SkipCertificateCheck', 'Authentication', 'Token', 'SkipHttpErrorCheck')
           }
           Description = 'Other parameters PowerShell 7 added (the -ProgressAction common parameter, ConvertTo-Json -AsArray, Sort-Object -Top, ...).' }

        @{ Name = 'PS7Command'; Check = 'Find-CommandIssue'
           Commands = @('Get-Error', 'Join-String', 'Test-Json', 'Get-Uptime', 'Remove-Alias', 'Remove-Service',
                        'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption', 'Set-MarkdownOption',
                        'Start-ThreadJob', 'Get-PSSubsystem', 'Get-ExperimentalFeature',
                        'Enable-ExperimentalFeature', 'Disable-ExperimentalFeature', 'ConvertTo-CliXml',
                        'ConvertFrom-CliXml')
           Description = 'Cmdlets Windows PowerShell 5.1 does not have (Get-Error, Join-String, Test-Json, ...).' }

        @{ Name = 'PS7Variable'; Check = 'Find-VariableIssue'
           Variables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle', 'EnabledExperimentalFeatures',
                         'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')
           Description = '$IsWindows, $IsLinux, $IsMacOS, $IsCoreCLR, $PSStyle, ... do not exist in 5.1 (they read as $null there); use $PSVersionTable.PSEdition.' }

        @{ Name = 'EscapeSequence'; Check = 'Find-EscapeSequenceIssue'
           Description = 'The `e and `u{...} escapes in double-quoted strings are PowerShell 6+ (5.1 reads them as e and u{...}); use [char] 27 or [char] 0x2013.' }

        @{ Name = 'NetCoreApi'; Check = 'Find-StaticMemberIssue'
           Members = @('System.IO.Path::GetRelativePath', 'System.IO.Path::Join', 'System.IO.Path::IsPathFullyQualified',
                       'System.IO.Path::TrimEndingDirectorySeparator', 'System.IO.Path::EndsInDirectorySeparator',
                       'System.Convert::ToHexString', 'System.Convert::FromHexString',
                       'System.Security.Cryptography.SHA256::HashData', 'System.Security.Cryptography.SHA1::HashData',
                       'System.Security.Cryptography.MD5::HashData', 'System.Math::Clamp', 'System.HashCode::Combine',
                       'System.Environment::ProcessId', 'System.Environment::ProcessPath',
                       'System.IO.File::CreateSymbolicLink', 'System.IO.Directory::CreateSymbolicLink',
                       'System.Management.Automation.Platform::IsWindows', 'System.Management.Automation.Platform::IsLinux')
           Description = '.NET members that .NET Framework 4.x lacks ([IO.Path]::GetRelativePath, [Convert]::ToHexString, ...), so 5.1 fails at run time.' }

        @{ Name = 'EncodingValue'; Check = 'Find-StringValueIssue'; Values = @('utf8NoBOM', 'utf8BOM')
           Description = '''utf8NoBOM''/''utf8BOM'' are not -Encoding values in 5.1 (any string equal to them is flagged, so splatted values count too).' }

        @{ Name = 'SplitMultiCharString'; Check = 'Find-SplitIssue'
           Description = '.Split(''ab'') splits on each character in 5.1 (.NET Framework has no Split(string)); use the -split operator.' }

        @{ Name = 'NonAscii'; Check = 'Find-NonAsciiIssue'
           Description = 'Only ASCII characters (a UTF-8 BOM aside): 5.1 reads a BOM-less file as ANSI, so anything else changes.' }

        @{ Name = 'Alias'; Check = 'Find-AliasIssue'
           # Aliases of Windows PowerShell 5.1 that pwsh on Linux/macOS does not define, so the session's
           # alias table alone would miss them.
           WindowsAliases = @{
               ac = 'Add-Content'; asnp = 'Add-PSSnapin'; cat = 'Get-Content'; clear = 'Clear-Host'; compare = 'Compare-Object'
               cp = 'Copy-Item'; cpp = 'Copy-ItemProperty'; curl = 'Invoke-WebRequest'; diff = 'Compare-Object'
               epsn = 'Export-PSSession'; gcim = 'Get-CimInstance'; gin = 'Get-ComputerInfo'; gsnp = 'Get-PSSnapin'
               gsv = 'Get-Service'; gwmi = 'Get-WmiObject'; ipsn = 'Import-PSSession'; ise = 'powershell_ise.exe'
               iwmi = 'Invoke-WmiMethod'; kill = 'Stop-Process'; lp = 'Out-Printer'; ls = 'Get-ChildItem'
               man = 'help'; mount = 'New-PSDrive'; mv = 'Move-Item'; ogv = 'Out-GridView'; ps = 'Get-Process'
               rm = 'Remove-Item'; rmdir = 'Remove-Item'; rsnp = 'Remove-PSSnapin'; rwmi = 'Remove-WmiObject'
               sasv = 'Start-Service'; sc = 'Set-Content'; scb = 'Set-Clipboard'; shcm = 'Show-Command'
               sleep = 'Start-Sleep'; sort = 'Sort-Object'; spsv = 'Stop-Service'; start = 'Start-Process'
               swmi = 'Set-WmiInstance'; tee = 'Tee-Object'; wget = 'Invoke-WebRequest'; write = 'Write-Output'
           }
           Description = 'Commands are called by their full name, never an alias (%, ?, ls, gci, where, foreach, select, ...).' }

        @{ Name = 'PositionalParameter'; Check = 'Find-PositionalParameterIssue'
           Description = 'Arguments are passed by parameter name: a command element that is neither a parameter nor its argument (commands with known metadata only).' }

        @{ Name = 'ConvertToJsonDepth'; Check = 'Find-MissingParameterIssue'; Commands = @('ConvertTo-Json'); Parameter = 'Depth'
           Description = 'ConvertTo-Json always gets -Depth (the default of 2 silently truncates; a splatted call is not checked).' }

        @{ Name = 'ModuleQualified'; Check = 'Find-UnqualifiedCommandIssue'
           Description = 'Hyper-V and FailoverClusters commands are called module-qualified (Hyper-V\Get-VM), names as passed by the caller.' }
    )
}
