#!/usr/bin/env bash
# Runs every test: the README's one test command. Browser tests use Debian's
# Chromium and the pinned npm tools in web/ (installed here when npm is
# available); outside CI a missing tool makes those tests skip with the
# command that installs it, under CI=true it fails them.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d web/node_modules ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
go test -race -count=1 ./... "$@"
