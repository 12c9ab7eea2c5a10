#!/usr/bin/env bash
# Install (if needed), configure and start Request Tracker 5.0.3 from Debian 12 packages
# (SQLite, rt-server/Starlet) on 127.0.0.1:$RT_PORT. Idempotent. Writes $RUN/rt.env.
# From the shared recipes; adapted like start-redmine.sh ($RUN default, dpkg lock wait, setup
# script in a temp folder, reuse of a healthy RT already on the port).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PORT=${RT_PORT:-8080}
RT_PASS=${RT_ROOT_PASSWORD:-RtRoot-12345}
QUEUE=${RT_QUEUE:-Diagnostics}
WORKERS=${RT_WORKERS:-2}                        # Starlet default would be 10
MAX_BYTES=${RT_MAX_ATTACHMENT_BYTES:-209715200}  # RT default 10 MiB (see report)
# Default: <repo>/.ticket-servers (gitignored), whatever the current directory.
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
ETC=/etc/request-tracker5
mkdir -p "$RUN"; chmod 755 "$RUN"
SETUP=$(mktemp -d /tmp/rt-setup.XXXXXX); chmod 755 "$SETUP"; trap 'rm -rf "$SETUP"' EXIT
now() { date +%s%N; }
secs() { echo "$(( ($(now) - $1) / 1000000 ))" | sed -E 's/(...)$/.\1/;s/^\./0./'; }
as_www() { setpriv --reuid=www-data --regid=www-data --init-groups env HOME=/tmp "$@"; }

# 1. install; dbconfig-common creates the SQLite DB and runs rt-setup-database
if ! dpkg-query -W -f='${Status}' request-tracker5 2>/dev/null | grep -q 'ok installed'; then
  t0=$(now)
  apt-cache show request-tracker5 >/dev/null 2>&1 || apt-get -o DPkg::Lock::Timeout=600 update -qq
  if [ ! -e /usr/sbin/policy-rc.d ]; then   # keep postinsts from starting daemons
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d; rm -rf "$SETUP"' EXIT
  fi
  EXTRA=; for t in curl jq; do command -v $t >/dev/null || EXTRA="$EXTRA $t"; done
  [ -x /usr/sbin/sendmail ] || EXTRA="$EXTRA dma"   # RT needs an MTA; dma = tiny, no daemon
  debconf-set-selections <<EOF
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/initial-root-password password $RT_PASS
request-tracker5 request-tracker5/rtname string rt.localtest
request-tracker5 request-tracker5/organization string localtest
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:$PORT
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
EOF
  apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends request-tracker5 rt5-standalone rt5-db-sqlite \
    w3m $EXTRA >"$RUN/rt-install.log" 2>&1 || { tail -40 "$RUN/rt-install.log"; exit 1; }
  echo "rt: apt install took $(secs "$t0")s"
fi

# 2. config. Debian bug: fresh RT_SiteConfig.pm is root:root 0600 -> www-data can't read it
chown root:www-data "$ETC/RT_SiteConfig.pm"; chmod 640 "$ETC/RT_SiteConfig.pm"
cat >"$ETC/RT_SiteConfig.d/99-ticket-recipes.pm" <<EOF
Set(\$WebPath, "");
Set(\$WebDomain, "127.0.0.1");
Set(\$WebPort, $PORT);
Set(\$WebBaseURL, "http://127.0.0.1:$PORT");
Set(\$MailCommand, "mbox");   # never send mail; writes /var/lib/request-tracker5/*.mbox
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, "warning");
Set(\$MaxAttachmentSize, $MAX_BYTES);
# A test server: REST2 token auth runs bcrypt over every token the user owns, on every call
# (RT::Authen::Token::UserForAuthString). RT's default cost 12 costs ~0.2 s per token per call
# here, which made the upload tests slow enough to time out on a busy CI machine.
Set(\$BcryptCost, 4);
1;
EOF
chown root:www-data "$ETC/RT_SiteConfig.d/99-ticket-recipes.pm"
chmod 640 "$ETC/RT_SiteConfig.d/99-ticket-recipes.pm"

# 3. root password, queue, fresh auth token (REST2 is built into RT 5; nothing to enable)
cat >"$SETUP/rt-setup.pl" <<'EOF'
use strict; use warnings;
use lib '/usr/local/share/request-tracker5/lib', '/usr/share/request-tracker5/lib';
use RT -init;
my $root = RT::User->new(RT->SystemUser); $root->Load('root') or die "no root user";
my ($ok, $msg) = $root->SetPassword($ENV{RT_PASS});
my $q = RT::Queue->new(RT->SystemUser); $q->Load($ENV{RT_QUEUE});
unless ($q->id) { ($ok, $msg) = $q->Create(Name => $ENV{RT_QUEUE}); die "queue: $msg" unless $ok }
# One token per machine, kept in $TOKEN_FILE and reused by every checkout: RT checks a token
# against each of the user's tokens in turn, so tokens must not pile up across restarts.
my ($keep, $auth);
my $tokens = RT::AuthTokens->new(RT->SystemUser); $tokens->LimitOwner(VALUE => $root->id);
my (undef, $old) = RT::AuthToken->ParseAuthString($ENV{RT_OLD_TOKEN} // '');
while (my $t = $tokens->Next) {
    next unless $t->Description eq 'ticket-recipes';
    my (undef, undef, $cost) = split /!/, $t->__Value('Token');
    if (!$keep && $old && $cost == RT->Config->Get('BcryptCost') && $t->IsToken($old)) { $keep = $t; next }
    $t->Delete;
}
if ($keep) { $auth = $ENV{RT_OLD_TOKEN} }
else {
    my ($tid, $tmsg);
    ($tid, $tmsg, $auth) = RT::AuthToken->new(RT->SystemUser)
        ->Create(Owner => $root->id, Description => 'ticket-recipes');
    die "token: $tmsg" unless $tid;
}
print "TOKEN=$auth\nQUEUE_ID=", $q->id, "\n";
EOF
chmod 644 "$SETUP/rt-setup.pl"
t0=$(now)
TOKEN_FILE=$ETC/ticket-recipes.token
OLD_TOKEN=$(cat "$TOKEN_FILE" 2>/dev/null || true)
OUT=$(as_www RT_PASS="$RT_PASS" RT_QUEUE="$QUEUE" RT_OLD_TOKEN="$OLD_TOKEN" perl "$SETUP/rt-setup.pl" 2>"$RUN/rt-setup.err") ||
  { cat "$RUN/rt-setup.err"; exit 1; }
TOKEN=$(sed -n 's/^TOKEN=//p' <<<"$OUT")
(umask 077; printf '%s\n' "$TOKEN" >"$TOKEN_FILE")
echo "rt: configuration (perl, RT -init) took $(secs "$t0")s"

# 4. start rt-server (Starlet prefork) as www-data
PIDF="$RUN/rt.pid"
if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then
  echo "rt: already running (pid $(cat "$PIDF")); config changes need stop-rt.sh + start-rt.sh"
elif curl -fsS -o /dev/null -u "root:$RT_PASS" "http://127.0.0.1:$PORT/REST/2.0/rt" 2>/dev/null; then
  echo "rt: a healthy RT already answers on port $PORT (started elsewhere); reusing it"
else
  t0=$(now)
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$PIDF" \
    setpriv --reuid=www-data --regid=www-data --init-groups env HOME=/tmp \
    /usr/share/request-tracker5/libexec/rt-server --server Starlet \
    --host 127.0.0.1 --port "$PORT" --max-workers "$WORKERS" \
    >"$RUN/rt.log" 2>&1 </dev/null &
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null -u "root:$RT_PASS" "http://127.0.0.1:$PORT/REST/2.0/rt" 2>/dev/null && break
    kill -0 "$(cat "$PIDF" 2>/dev/null || echo 0)" 2>/dev/null || { tail -30 "$RUN/rt.log"; exit 1; }
    sleep 0.25
  done
  curl -fsS -o /dev/null -u "root:$RT_PASS" "http://127.0.0.1:$PORT/REST/2.0/rt"
  P=$(cat "$PIDF"); PIDS="$P $(pgrep -P "$P" | tr '\n' ' ')"
  RSS=0; PSS=0
  for p in $PIDS; do
    RSS=$((RSS + $(ps -o rss= -p "$p")))
    PSS=$((PSS + $(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup")))
  done
  echo "rt: server healthy after $(secs "$t0")s, pids $PIDS; RSS sum $((RSS/1024)) MiB, PSS sum $((PSS/1024)) MiB"
fi

cat >"$RUN/rt.env" <<EOF
RT_URL=http://127.0.0.1:$PORT
RT_REST2=http://127.0.0.1:$PORT/REST/2.0
RT_USER=root
RT_PASSWORD=$RT_PASS
RT_TOKEN=$TOKEN
RT_QUEUE=$QUEUE
EOF
echo "RT_URL=http://127.0.0.1:$PORT  REST2=/REST/2.0  user=root password=$RT_PASS  'Authorization: token $TOKEN'  queue=$QUEUE"
