#!/usr/bin/env bash
# Runs every ProductFlow test. Installs what the tests need when it is missing (as root: apt, npm),
# starts it, runs `dotnet test`, stops what it started, and ends with one line: "N passed, N failed, N skipped".
# Installs already done are skipped, so a second run starts at once.
# Under CI=true a suite whose server or tool is missing fails, and any skipped test fails the run;
# elsewhere such a suite is skipped and the reasons are listed before the closing line.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET SDK 10 is required: https://dotnet.microsoft.com/download"
  exit 1
fi

# Chromium (Debian's package) for the browser tests of report.html; Playwright drives it and never downloads one.
# The browser tests fail under CI=true when it is missing, and are skipped elsewhere.
chromium=${PRODUCTFLOW_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium (apt-get)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || log "could not install chromium"
  else
    log "chromium is missing at $chromium: install it (apt-get install -y chromium) to run the browser tests"
  fi
fi
export PRODUCTFLOW_CHROMIUM="$chromium"

# Debian's OpenSSH server for the SFTP tests (feeds pulled from SFTP, the SFTP inbox): each test fixture starts its own sshd on a free port of
# 127.0.0.1, with a host key, config and client key of its own (never the machine's service). The SFTP tests fail under CI=true when it is
# missing, and are skipped elsewhere.
if [ ! -x /usr/sbin/sshd ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing openssh-server (apt-get)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server >&2 || log "could not install openssh-server"
  else
    log "sshd is missing: install it (apt-get install -y openssh-server) to run the SFTP tests"
  fi
fi

# Servers the integration suites need are installed and started here, one per run, on 127.0.0.1,
# and stopped on exit whatever happens.
output=$(mktemp)
results=$(mktemp -d)
started_pids=()
pg_dir=""
pg_bin=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pg_dir" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/cluster" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -f "$output"
  rm -rf "$results"
}
trap cleanup EXIT

free_port() { # a port nothing listens on, from a random start
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Azurite (Blob Storage emulator) for the blob inbox tests: a pinned version in .tools/ (git-ignored), never global.
AZURITE_VERSION=3.37.0
azurite_bin=.tools/azurite/node_modules/.bin/azurite-blob
if [ ! -x "$azurite_bin" ] || ! grep -q "\"version\": \"$AZURITE_VERSION\"" .tools/azurite/node_modules/azurite/package.json 2>/dev/null; then
  if command -v npm >/dev/null 2>&1; then
    log "installing azurite $AZURITE_VERSION into .tools/azurite"
    mkdir -p .tools/azurite
    (cd .tools/azurite && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2) || log "azurite could not be installed: the blob tests fail under CI=true and are skipped elsewhere"
  else
    log "npm not found (install Node.js): the blob tests fail under CI=true and are skipped elsewhere"
  fi
fi
if [ -x "$azurite_bin" ]; then
  azurite_port=$(free_port)
  "$azurite_bin" --blobHost 127.0.0.1 --blobPort "$azurite_port" --inMemoryPersistence --disableTelemetry --skipApiVersionCheck \
    >/dev/null 2>&1 &
  started_pids+=("$!")
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null; then break; fi
    sleep 0.2
  done
  export PRODUCTFLOW_AZURITE_BLOB="http://127.0.0.1:$azurite_port"
fi

# PostgreSQL: a throwaway cluster in a temp folder on a free port, for tests/ProductFlow.IntegrationTests.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is missing and only root can install it: apt-get install -y postgresql"
    exit 1
  fi
  log "installing PostgreSQL (apt)"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/productflow-pg.XXXXXX)
pg_port=$(free_port)
pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
printf '%s\n' "$pg_password" >"$pg_dir/pwfile"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pg_dir"; fi
as_pg "$pg_bin/initdb" -D "$pg_dir/cluster" -U productflow --pwfile="$pg_dir/pwfile" -A scram-sha-256 -E UTF8 --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/cluster" -l "$pg_dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export PRODUCTFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=productflow;Password=$pg_password;Database=postgres"
log "PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$pg_port ($pg_dir)"

set +e
dotnet test ProductFlow.sln --blame-hang-timeout 5m --logger trx --results-directory "$results" 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e

# Sum the summary line of every test assembly ("Failed: 0, Passed: 163, Skipped: 0, ...").
passed=$(grep -Eo 'Passed: +[0-9]+' "$output" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$output" | awk '{ s += $2 } END { print s + 0 }')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$output" | awk '{ s += $2 } END { print s + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
if [ "$skipped" -gt 0 ]; then
  # Why each test was skipped, one line per reason with its count, from the TRX files' skipped results.
  log "$skipped test(s) skipped:"
  awk '/outcome="NotExecuted"/ { skipped = 1 }
       skipped && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print; skipped = 0 }' "$results"/*.trx 2>/dev/null |
    sort | uniq -c | sort -rn | sed 's/^/  /' >&2
  if [ "${CI:-}" = "true" ]; then
    log "CI=true: a skipped test fails the run"
    status=1
  fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
