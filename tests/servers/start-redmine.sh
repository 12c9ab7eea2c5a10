#!/usr/bin/env bash
# Install (if needed), configure and start Redmine 5.0 from Debian 12 packages (SQLite)
# on 127.0.0.1:$REDMINE_PORT. Idempotent. Writes $RUN/redmine.env for tests.
# From the shared recipes; adapted: $RUN defaults to <repo>/.ticket-servers, apt waits for the
# dpkg lock, the setup script lives in a www-data-readable temp folder (the checkout may not be
# readable by www-data), and a healthy Redmine already on the port (started from another
# checkout on this machine) is reused instead of failing on "address in use".
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PORT=${REDMINE_PORT:-3000}
ADMIN_PASS=${REDMINE_ADMIN_PASSWORD:-Admin-12345}
API_KEY=${REDMINE_API_KEY:-0123456789abcdef0123456789abcdef01234567}  # fixed 40-hex key
PROJECT=${REDMINE_PROJECT:-diag}
MAX_KB=${REDMINE_ATTACHMENT_MAX_KB:-204800}  # Redmine default: 5120 KB
# Default: <repo>/.ticket-servers (gitignored), whatever the current directory.
RUN=$(realpath -m "${TICKET_RUN_DIR:-$(dirname "$0")/../../.ticket-servers}")
APP=/usr/share/redmine
mkdir -p "$RUN"; chmod 755 "$RUN"
SETUP=$(mktemp -d /tmp/redmine-setup.XXXXXX); chmod 755 "$SETUP"; trap 'rm -rf "$SETUP"' EXIT
now() { date +%s%N; }
secs() { echo "$(( ($(now) - $1) / 1000000 ))" | sed -E 's/(...)$/.\1/;s/^\./0./'; }
as_www() { setpriv --reuid=www-data --regid=www-data --init-groups \
             env HOME=/tmp REDMINE_INSTANCE=default RAILS_ENV=production "$@"; }

# 1. install (dbconfig-common creates + migrates the SQLite DB, loads default data)
if ! dpkg-query -W -f='${Status}' redmine 2>/dev/null | grep -q 'ok installed'; then
  t0=$(now)
  apt-cache show redmine >/dev/null 2>&1 || apt-get -o DPkg::Lock::Timeout=600 update -qq
  debconf-set-selections <<'EOF'
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/default-language select en
EOF
  EXTRA=; for t in curl jq; do command -v $t >/dev/null || EXTRA="$EXTRA $t"; done
  apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends redmine redmine-sqlite ruby-webrick $EXTRA \
    >"$RUN/redmine-install.log" 2>&1 || { tail -40 "$RUN/redmine-install.log"; exit 1; }
  echo "redmine: apt install took $(secs "$t0")s"
fi

# 2. Ruby 3.1 has no bundled webrick and bundler hides system gems not in the
#    Gemfile -> add it via Gemfile.local (evaluated by Debian's Gemfile)
if ! grep -qs webrick "$APP/Gemfile.local"; then
  echo "gem 'webrick'" >> "$APP/Gemfile.local"
  (cd "$APP" && bundle install --local --quiet 2>/dev/null)
  chown www-data:www-data /var/lib/redmine/Gemfile.lock
fi

# 3. admin password, REST API, fixed API key, attachment limit, project
cat >"$SETUP/redmine-setup.rb" <<'EOF'
a = User.find_by_login('admin')
a.password = a.password_confirmation = ENV['ADMIN_PASS']
a.must_change_passwd = false
a.save!
Setting.rest_api_enabled = '1'
Setting.attachment_max_size = ENV['MAX_KB']
Token.where(user_id: a.id, action: 'api').delete_all
Token.create!(user: a, action: 'api').update_column(:value, ENV['API_KEY'])
p = Project.find_by_identifier(ENV['PROJECT']) ||
    Project.new(name: 'Diagnostics', identifier: ENV['PROJECT'], is_public: true)
p.trackers = Tracker.sorted.to_a if p.trackers.empty?
p.enabled_module_names = p.enabled_module_names | %w[issue_tracking files]
p.save!
puts "redmine: project #{p.identifier} id=#{p.id}, api key #{a.reload.api_key}"
EOF
chmod 644 "$SETUP/redmine-setup.rb"
t0=$(now)
(cd "$APP" && as_www ADMIN_PASS="$ADMIN_PASS" API_KEY="$API_KEY" PROJECT="$PROJECT" \
   MAX_KB="$MAX_KB" bundle exec rails runner "$SETUP/redmine-setup.rb")
echo "redmine: configuration (rails runner) took $(secs "$t0")s"

# 4. start server (WEBrick via rackup; `rails server` fails: it mkdirs
#    /usr/share/redmine/tmp which www-data cannot create)
PIDF="$RUN/redmine.pid"
if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then
  echo "redmine: already running (pid $(cat "$PIDF"))"
elif curl -fsS -o /dev/null -H "X-Redmine-API-Key: $API_KEY" "http://127.0.0.1:$PORT/projects/$PROJECT.json" 2>/dev/null; then
  echo "redmine: a healthy Redmine already answers on port $PORT (started elsewhere); reusing it"
else
  t0=$(now)
  cd "$APP"
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$PIDF" \
    setpriv --reuid=www-data --regid=www-data --init-groups \
    env HOME=/tmp REDMINE_INSTANCE=default RAILS_ENV=production \
    bundle exec rackup -s webrick -o 127.0.0.1 -p "$PORT" -E production config.ru \
    >"$RUN/redmine.log" 2>&1 </dev/null &
  cd - >/dev/null
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null -H "X-Redmine-API-Key: $API_KEY" \
      "http://127.0.0.1:$PORT/projects/$PROJECT.json" 2>/dev/null && break
    kill -0 "$(cat "$PIDF" 2>/dev/null || echo 0)" 2>/dev/null || { tail -30 "$RUN/redmine.log"; exit 1; }
    sleep 0.25
  done
  curl -fsS -o /dev/null -H "X-Redmine-API-Key: $API_KEY" "http://127.0.0.1:$PORT/projects/$PROJECT.json"
  echo "redmine: server healthy after $(secs "$t0")s, pid $(cat "$PIDF"), RSS $(( $(ps -o rss= -p "$(cat "$PIDF")") / 1024 )) MiB"
fi

cat >"$RUN/redmine.env" <<EOF
REDMINE_URL=http://127.0.0.1:$PORT
REDMINE_API_KEY=$API_KEY
REDMINE_USER=admin
REDMINE_PASSWORD=$ADMIN_PASS
REDMINE_PROJECT=$PROJECT
EOF
echo "REDMINE_URL=http://127.0.0.1:$PORT  user=admin password=$ADMIN_PASS  X-Redmine-API-Key=$API_KEY  project=$PROJECT"
