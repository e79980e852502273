#!/usr/bin/env bash
# Runs every test: the README's one test command. Browser tests use Debian's
# Chromium and the pinned npm tools in web/ (installed here when npm is
# available); outside CI a missing tool makes those tests skip with the
# command that installs it, under CI=true it fails them.
#
# The race detector runs on every package but the browser tests (e2e),
# whose goroutines are Chromium's; the two runs go side by side, each with
# an explicit timeout, and the slowest packages are listed at the end.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d web/node_modules ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
pkgs=$(go list ./... | grep -v '/e2e$')
status=0
go test -race -count=1 -timeout 8m $pkgs "$@" >"$log/unit" 2>&1 &
unit=$!
go test -count=1 -timeout 8m ./e2e "$@" >"$log/e2e" 2>&1 &
e2e=$!
wait $unit || status=1
wait $e2e || status=1
cat "$log/unit" "$log/e2e"
echo "== slowest packages"
awk -F'\t' '/^(ok|FAIL)\t/ { t = $3; sub(/s.*$/, "", t); printf "%8.1fs  %s\n", t, $2 }' "$log/unit" "$log/e2e" | sort -rn | head -5
exit $status
