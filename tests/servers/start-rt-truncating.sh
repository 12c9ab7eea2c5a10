#!/usr/bin/env bash
# A second rt-server on the same RT database, configured to cut attachments at
# $MaxAttachmentSize (1 MiB) with $TruncateLongAttachments: RT's REST2 then stores a shortened
# attachment without saying so, which the connector must notice. Needs start-rt.sh first (the
# install and the DB). Idempotent; 1 worker on 127.0.0.1:$RT_TRUNC_PORT (8081).
set -euo pipefail
PORT=${RT_TRUNC_PORT:-8081}
MAX_BYTES=${RT_TRUNC_MAX_BYTES:-1048576}
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
CONF=/tmp/diagcollect-rt-truncating.d   # read by www-data: not inside the checkout
PIDF="$RUN/rt-truncating.pid"
mkdir -p "$RUN"
if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then
  echo "rt-truncating: already running (pid $(cat "$PIDF"))"; exit 0
fi
rm -rf "$CONF"; mkdir -p "$CONF"
cp /etc/request-tracker5/RT_SiteConfig.d/*.pm "$CONF/"
cat >"$CONF/99-zz-truncating.pm" <<CFG
Set(\$WebPort, $PORT);
Set(\$WebBaseURL, "http://127.0.0.1:$PORT");
Set(\$MaxAttachmentSize, $MAX_BYTES);
Set(\$TruncateLongAttachments, 1);
Set(\$DropLongAttachments, 0);
1;
CFG
chown -R root:www-data "$CONF"; chmod 750 "$CONF"; chmod 640 "$CONF"/*.pm
setsid sh -c 'echo $$ > "$0"; exec "$@"' "$PIDF" \
  setpriv --reuid=www-data --regid=www-data --init-groups env HOME=/tmp RT_SITE_CONFIG_DIR="$CONF" \
  /usr/share/request-tracker5/libexec/rt-server --server Starlet \
  --host 127.0.0.1 --port "$PORT" --max-workers 1 \
  >"$RUN/rt-truncating.log" 2>&1 </dev/null &
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null -u "root:${RT_ROOT_PASSWORD:-RtRoot-12345}" "http://127.0.0.1:$PORT/REST/2.0/rt" 2>/dev/null && break
  kill -0 "$(cat "$PIDF" 2>/dev/null || echo 0)" 2>/dev/null || { tail -30 "$RUN/rt-truncating.log"; exit 1; }
  sleep 0.25
done
curl -fsS -o /dev/null -u "root:${RT_ROOT_PASSWORD:-RtRoot-12345}" "http://127.0.0.1:$PORT/REST/2.0/rt"
echo "rt-truncating: healthy on 127.0.0.1:$PORT (pid $(cat "$PIDF")), MaxAttachmentSize $MAX_BYTES, truncating"
