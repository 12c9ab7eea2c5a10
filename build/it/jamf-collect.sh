#!/bin/bash
# Jamf Pro policy script: collect diagnostics for a ticket on this Mac, unattended.
#   Parameter 4: ticket id (e.g. 12345)           Parameter 5 (optional): extra collect options
# Runs as root: the archive goes to /Library/Application Support/DiagCollect/outbox/<ticket>/ and
# is uploaded as the managed policy says (upload.target). Exit codes (docs/it-rollout.md):
#   0 archive written · 3 written, some collectors failed · 4 written, upload queued
#   2 bad input (ticket, policy) · 1 failure, no archive · 130 cancelled
set -u

ticket="${4:-}"
extra="${5:-}"
bin="${DIAGCOLLECT_BIN:-/Applications/Diagnostics Collector.app/Contents/MacOS/Diagnostics Collector}"
export DIAGCOLLECT_DATA_DIR="${DIAGCOLLECT_DATA_DIR:-/Library/Application Support/DiagCollect}"

if [ -z "$ticket" ]; then
  echo "diagcollect: no ticket id: set parameter 4 of this script in the Jamf policy"
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "diagcollect: not installed ($bin); deploy DiagnosticsCollector-<version>-mac-universal.pkg first"
  exit 1
fi

# No screenshot: nobody is at the screen, and root has no window server session to capture.
# shellcheck disable=SC2086  # $extra holds several options on purpose
result="$("$bin" collect --ticket "$ticket" --silent --json --no-screenshot $extra)"
code=$?
# One line for the Jamf policy log: the archive and how the run ended.
archive="$(printf '%s' "$result" | sed -n 's/.*"name":"\([^"]*\.zip\)".*/\1/p' | head -n 1)"
case "$code" in
  0) echo "diagcollect: ticket $ticket: archive $archive written" ;;
  3) echo "diagcollect: ticket $ticket: archive $archive written, some collectors failed (see its manifest.json)" ;;
  4) echo "diagcollect: ticket $ticket: archive $archive written, upload queued; it is retried (diagcollect outbox list)" ;;
  2) echo "diagcollect: ticket $ticket: refused (bad ticket id or policy): $result" ;;
  130) echo "diagcollect: ticket $ticket: cancelled" ;;
  *) echo "diagcollect: ticket $ticket: failed (exit $code): $result" ;;
esac
# Partial archives and queued uploads are still a result support can use: report success to Jamf.
case "$code" in
  0 | 3 | 4) exit 0 ;;
  *) exit "$code" ;;
esac
