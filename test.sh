#!/usr/bin/env bash
# Runs every test: the README's one test command. Browser tests use Debian's
# Chromium and the pinned npm tools in web/ (installed here when npm is
# available); outside CI a missing tool makes those tests skip with the
# command that installs it, under CI=true it fails them.
#
# The race detector runs on the packages whose goroutines share state (the
# engine, the preview server, the output writer, the string catalogue); the
# others and the browser tests (e2e) run without it, beside them. Each run
# has an explicit timeout, and the slowest packages are listed at the end.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d web/node_modules ] && command -v npm >/dev/null 2>&1; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
race="./internal/build ./internal/site ./internal/devserver ./internal/output ./internal/locale"
rest=$(go list ./... | grep -v -e '/internal/build$' -e '/internal/site$' -e '/internal/devserver$' -e '/internal/output$' -e '/internal/locale$')
# The engine's error catalogue, page checks, incremental-equals-full and
# status walks build the site dozens of times to compare messages, markup
# and output: the race detector adds nothing there to what the engine's
# other tests give it (one-shot and Builder, full and prose paths, under
# -race), so they run without it.
norace='^(TestBuildErrors|TestLayoutErrorsPointAtTheLayout|TestLinkChecker|TestEmbedSnippetBaseURL|TestHeadForSearchAndPreviews|TestIncrementalEqualsFullBuild|TestStatusShowsWhatChanged)$'
status=0
go test -race -count=1 -timeout 8m -skip "$norace" $race "$@" >"$log/race" 2>&1 &
race_pid=$!
go test -count=1 -timeout 8m $rest "$@" >"$log/rest" 2>&1 &
rest_pid=$!
go test -count=1 -timeout 8m -run "$norace" ./internal/build "$@" >"$log/norace" 2>&1 &
norace_pid=$!
wait $race_pid || status=1
wait $rest_pid || status=1
wait $norace_pid || status=1
cat "$log/race" "$log/rest" "$log/norace"
echo "== slowest packages"
awk -F'\t' '/^(ok|FAIL)[ \t]/ { t = $3; sub(/s.*$/, "", t); printf "%8.1fs  %s\n", t, $2 }' "$log/race" "$log/rest" "$log/norace" | sort -rn | head -5
exit $status
