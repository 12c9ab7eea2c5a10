<#
  Intune Remediations, remediation script: collect diagnostics for a ticket, unattended.
  Runs as SYSTEM (64-bit PowerShell). The archive goes to %ProgramData%\DiagCollect\outbox\<ticket>\
  and is uploaded as the managed policy says (upload.target). Intune shows the last line written.

  diagcollect exit codes (docs/it-rollout.md):
    0 archive written · 3 written, some collectors failed · 4 written, upload queued
    2 bad input (ticket, policy) · 1 failure, no archive · 130 cancelled
#>
$Ticket = '12345'
$Exe = Join-Path $env:ProgramFiles 'Diagnostics Collector\Diagnostics Collector.exe'
$env:DIAGCOLLECT_DATA_DIR = Join-Path $env:ProgramData 'DiagCollect'

if (-not (Test-Path -LiteralPath $Exe)) {
    Write-Output "diagcollect: not installed ($Exe); assign the MSI first"
    exit 1
}

# The app is a GUI-subsystem program: Start-Process -Wait is what reliably waits for it and
# returns its exit code; stdout (one JSON object) goes to a file.
$Out = Join-Path $env:TEMP "diagcollect-$Ticket.json"
$Err = Join-Path $env:TEMP "diagcollect-$Ticket.err"
$CollectArgs = @('collect', '--ticket', $Ticket, '--silent', '--json', '--no-screenshot')
$Process = Start-Process -FilePath $Exe -ArgumentList $CollectArgs -Wait -PassThru -NoNewWindow `
    -RedirectStandardOutput $Out -RedirectStandardError $Err
$Code = $Process.ExitCode
$Result = $null
try { $Result = Get-Content -LiteralPath $Out -Raw -Encoding UTF8 | ConvertFrom-Json } catch { }
$Archive = if ($Result -and $Result.archive) { $Result.archive.name } else { '' }

switch ($Code) {
    0 { Write-Output "diagcollect: ticket ${Ticket}: archive $Archive written"; exit 0 }
    3 { Write-Output "diagcollect: ticket ${Ticket}: archive $Archive written, some collectors failed"; exit 0 }
    4 { Write-Output "diagcollect: ticket ${Ticket}: archive $Archive written, upload queued for retry"; exit 0 }
    2 { Write-Output "diagcollect: ticket ${Ticket}: refused (bad ticket id or policy): $($Result.error)"; exit 2 }
    130 { Write-Output "diagcollect: ticket ${Ticket}: cancelled"; exit 130 }
    default { Write-Output "diagcollect: ticket ${Ticket}: failed (exit $Code): $($Result.error) $(Get-Content -LiteralPath $Err -Raw -ErrorAction SilentlyContinue)"; exit 1 }
}
