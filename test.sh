#!/usr/bin/env bash
# Runs every ProductFlow test. Installs what the tests need when it is missing (as root: apt, npm),
# starts it, runs `dotnet test`, stops what it started, and ends with one line: "N passed, N failed".
# Installs already done are skipped, so a second run starts at once.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET SDK 10 is required: https://dotnet.microsoft.com/download"
  exit 1
fi

# Servers the integration suites need are installed and started here, one per run, on 127.0.0.1:
# nothing to start yet for the embedded (SQLite, local folder) tests.

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

output=$(mktemp)
trap 'rm -f "$output"' EXIT

set +e
dotnet test ProductFlow.sln --blame-hang-timeout 5m 2>&1 | tee "$output"
status=${PIPESTATUS[0]}
set -e

# Sum the summary line of every test assembly ("Failed: 0, Passed: 163, Skipped: 0, ...").
passed=$(grep -Eo 'Passed: +[0-9]+' "$output" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$output" | awk '{ s += $2 } END { print s + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$status"
