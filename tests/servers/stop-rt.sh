#!/usr/bin/env bash
# Stop the rt-server started by start-rt.sh (master + its Starlet workers, by PID only).
set -euo pipefail
# Default: <repo>/.ticket-servers (gitignored), whatever the current directory.
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
PIDF="$RUN/rt.pid"
[ -f "$PIDF" ] || { echo "rt: no pid file, nothing to stop"; exit 0; }
PID=$(cat "$PIDF")
if kill -0 "$PID" 2>/dev/null && tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q rt-server; then
  KIDS=$(pgrep -P "$PID" || true)
  kill -TERM "$PID"        # Starlet master forwards TERM to workers
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  for p in $PID $KIDS; do kill -0 "$p" 2>/dev/null && kill -KILL "$p" || true; done
  echo "rt: stopped pid $PID (workers: $(echo $KIDS))"
else
  echo "rt: pid $PID not running (stale pid file)"
fi
rm -f "$PIDF"
