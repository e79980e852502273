#!/usr/bin/env bash
# Runs every test: the README's one test command. Browser tests use Debian's
# Chromium; outside CI they say what to install if it is missing, under
# CI=true a missing browser fails the run.
set -euo pipefail
cd "$(dirname "$0")"
go test -race -count=1 ./... "$@"
