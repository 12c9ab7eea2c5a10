#!/usr/bin/env bash
# Stops the server of start-rt-truncating.sh (master + workers, by pid file only).
set -euo pipefail
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
PIDF="$RUN/rt-truncating.pid"
[ -f "$PIDF" ] || { echo "rt-truncating: no pid file, nothing to stop"; exit 0; }
PID=$(cat "$PIDF")
if kill -0 "$PID" 2>/dev/null && tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q rt-server; then
  KIDS=$(pgrep -P "$PID" || true)
  kill -TERM "$PID"
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  for p in $PID $KIDS; do kill -0 "$p" 2>/dev/null && kill -KILL "$p" || true; done
  echo "rt-truncating: stopped pid $PID"
fi
rm -f "$PIDF"
