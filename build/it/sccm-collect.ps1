<#
  Configuration Manager "Run Script": collect diagnostics for a ticket on the selected devices.
  Import it under Software Library > Scripts, approve it, then run it with the Ticket parameter.
  The script output (one JSON line) and the exit code appear in the script status per device.

  diagcollect exit codes (docs/it-rollout.md):
    0 archive written · 3 written, some collectors failed · 4 written, upload queued
    2 bad input (ticket, policy) · 1 failure, no archive · 130 cancelled
#>
param(
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
    [string]$Ticket
)

$Exe = Join-Path $env:ProgramFiles 'Diagnostics Collector\Diagnostics Collector.exe'
$env:DIAGCOLLECT_DATA_DIR = Join-Path $env:ProgramData 'DiagCollect'
if (-not (Test-Path -LiteralPath $Exe)) {
    Write-Output (@{ ok = $false; exitCode = 1; error = "not installed: $Exe" } | ConvertTo-Json -Compress)
    exit 1
}

$Out = Join-Path $env:TEMP "diagcollect-$Ticket.json"
$Process = Start-Process -FilePath $Exe -ArgumentList @('collect', '--ticket', $Ticket, '--silent', '--json', '--no-screenshot') `
    -Wait -PassThru -NoNewWindow -RedirectStandardOutput $Out
$Code = $Process.ExitCode
Get-Content -LiteralPath $Out -Raw -Encoding UTF8 -ErrorAction SilentlyContinue | Write-Output

switch ($Code) {
    { $_ -in 0, 3, 4 } { exit 0 }   # an archive was written (3: partial, 4: upload queued)
    default { exit $Code }         # 2 bad input, 1 failure, 130 cancelled
}
