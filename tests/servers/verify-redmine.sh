#!/usr/bin/env bash
# Round-trip test against the server from start-redmine.sh: issue with Chinese subject,
# attachments (Chinese name, GBK bytes, 50 MB), download + sha256 compare.
set -euo pipefail
# Default: <repo>/.ticket-servers (gitignored), whatever the current directory.
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
. "$RUN/redmine.env"
B=$REDMINE_URL; H="X-Redmine-API-Key: $REDMINE_API_KEY"; T=$(mktemp -d); fail=0
SUBJ='【技术支持】12345 诊断日志上传'
printf '系统日志 line1\nline2 äöü\n' >"$T/系统日志.txt"
printf '错误日志：系统启动失败\r\n' | iconv -f UTF-8 -t GBK >"$T/gbk-日志.log"
head -c $((50*1024*1024)) /dev/urandom >"$T/big-50MB.bin"

ISSUE=$(jq -n --arg s "$SUBJ" --arg p "$REDMINE_PROJECT" '{issue:{project_id:$p,subject:$s}}' |
  curl -fsS -H "$H" -H 'Content-Type: application/json' --data-binary @- "$B/issues.json" | jq -r .issue.id)
GOT=$(curl -fsS -H "$H" "$B/issues/$ISSUE.json" | jq -r .issue.subject)
[ "$GOT" = "$SUBJ" ] && echo "PASS subject round-trip: $GOT" || { echo "FAIL subject: $GOT"; fail=1; }

attach() {  # file, content-type
  local f=$1 name; name=$(basename "$1")
  local t0; t0=$(date +%s%N)
  local tok; tok=$(curl -fsS -H "$H" -H 'Content-Type: application/octet-stream' --data-binary @"$f" \
      "$B/uploads.json?filename=$(jq -rn --arg s "$name" '$s|@uri')" | jq -r .upload.token)
  jq -n --arg t "$tok" --arg n "$name" --arg c "$2" '{issue:{uploads:[{token:$t,filename:$n,content_type:$c}]}}' |
    curl -fsS -X PUT -H "$H" -H 'Content-Type: application/json' --data-binary @- "$B/issues/$ISSUE.json"
  local up_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local a; a=$(curl -fsS -H "$H" "$B/issues/$ISSUE.json?include=attachments" |
      jq -c --arg n "$name" '[.issue.attachments[]|select(.filename==$n)][-1]')
  curl -fsS -H "$H" -o "$T/dl" "$(jq -r .content_url <<<"$a")"
  local s1 s2; s1=$(sha256sum <"$f" | cut -c1-64); s2=$(sha256sum <"$T/dl" | cut -c1-64)
  if [ "$s1" = "$s2" ] && [ "$(jq -r .filename <<<"$a")" = "$name" ]; then
    echo "PASS $name ($2, $(stat -c %s "$f") B, upload+attach ${up_ms} ms) sha256 ${s1:0:16}… name ok"
  else echo "FAIL $name: $a sha $s1 vs $s2"; fail=1; fi
}
attach "$T/系统日志.txt" text/plain
attach "$T/gbk-日志.log" text/plain
attach "$T/big-50MB.bin" application/octet-stream
echo "issue: $B/issues/$ISSUE   server RSS now: $(( $(ps -o rss= -p "$(cat "$RUN/redmine.pid")") / 1024 )) MiB"
rm -rf "$T"; exit $fail
