<#
  Intune Remediations, detection script: "is an archive for this ticket still missing?"
  Exit 1 (issue found) makes Intune run intune-remediate.ps1; exit 0 when the archive exists.
  Set $Ticket to the support ticket before uploading both scripts (run as SYSTEM, 64-bit).
#>
$Ticket = '12345'
$DataDir = Join-Path $env:ProgramData 'DiagCollect'
$Outbox = Join-Path $DataDir "outbox\$Ticket"

if (Get-ChildItem -Path $Outbox -Filter "$($Ticket)_*.zip" -ErrorAction SilentlyContinue) {
    Write-Output "diagcollect: archive for ticket $Ticket present"
    exit 0
}
Write-Output "diagcollect: no archive for ticket $Ticket yet"
exit 1
