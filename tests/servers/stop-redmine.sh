#!/usr/bin/env bash
# Stop the Redmine server started by start-redmine.sh (by PID only).
set -euo pipefail
# Default: <repo>/.ticket-servers (gitignored), whatever the current directory.
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
PIDF="$RUN/redmine.pid"
[ -f "$PIDF" ] || { echo "redmine: no pid file, nothing to stop"; exit 0; }
PID=$(cat "$PIDF")
if kill -0 "$PID" 2>/dev/null && tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q rackup; then
  kill -TERM "$PID"
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$PID" 2>/dev/null && kill -KILL "$PID"
  echo "redmine: stopped pid $PID"
else
  echo "redmine: pid $PID not running (stale pid file)"
fi
rm -f "$PIDF"
