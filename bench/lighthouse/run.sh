#!/usr/bin/env bash
# bench/lighthouse/run.sh: Lighthouse on the built site (issue 11). Not run by
# ./test.sh or CI.
#
# Usage, from anywhere:
#
#   bench/lighthouse/run.sh
#   PORT=8123 bench/lighthouse/run.sh        # a fixed port instead of a free one
#   BASE_URL=local bench/lighthouse/run.sh   # build for the served origin
#
# Environment:
#   PORT         loopback port to serve on            (default: a free one)
#   CHROME_PATH  the browser Lighthouse drives        (default /usr/bin/chromium)
#   BASE_URL     --base-url for the build: empty for tact.toml's (what ships),
#                "local" for http://127.0.0.1:PORT/, or any URL (default empty)
#
# It
#   1. builds the site into a temporary directory with
#      `go run ./cmd/build --out DIR`, so the pages are the ones that ship:
#      canonical, hreflang, og:url and the sitemap point at tact.toml's
#      baseURL. Lighthouse 12's canonical audit accepts a canonical on another
#      domain, so this costs no SEO points; BASE_URL=local builds with
#      --base-url http://127.0.0.1:PORT/ instead;
#   2. serves it on 127.0.0.1:PORT with serve.py (python3; the site's
#      _headers applied, text gzipped, 404.html for unknown paths);
#   3. installs Lighthouse from package-lock.json (`npm ci`) if
#      node_modules is missing, and Debian's chromium (`apt-get install -y
#      chromium`) if CHROME_PATH is not executable;
#   4. audits four English pages, each with the mobile (default) and the
#      desktop preset, categories performance, accessibility, best-practices
#      and seo: /en/ (home), the first article, the first reply page and
#      /en/quiz/ (the article and reply are found in the built output);
#   5. prints a table page × (perf, a11y, best practices, SEO) for mobile and
#      desktop, and every audit that costs a category points.
#
# It needs no network beyond loopback once node_modules and chromium are
# installed: throttling is simulated, the browser runs with background
# networking and component updates off, error reporting is off.
#
# Written to bench/out/lighthouse/ (git-ignored): <preset>-<page>.report.json
# (full Lighthouse reports; open one in the Lighthouse viewer or read it with
# jq), <preset>-<page>.log (Lighthouse's stderr) and summary.txt (what is
# printed at the end). Exit status: 0 when every audit ran, whatever the
# scores; 1 when a build, install or Lighthouse run failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/lighthouse
OUT=$ROOT/bench/out/lighthouse
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export CHROME_PATH

PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
ORIGIN=http://127.0.0.1:$PORT

TMP=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# 1. Build.
BASE_URL=${BASE_URL:-}
[ "$BASE_URL" = local ] && BASE_URL=$ORIGIN/
build_flags=(--out "$TMP/site")
[ -n "$BASE_URL" ] && build_flags+=(--base-url "$BASE_URL")
echo "== building the site (base URL: ${BASE_URL:-from tact.toml}), serving it on $ORIGIN/"
(cd "$ROOT" && go run ./cmd/build "${build_flags[@]}") >"$TMP/build.log" 2>&1 || {
  cat "$TMP/build.log" >&2
  echo "build failed" >&2
  exit 1
}

article=
for d in "$TMP/site/en"/*/; do
  name=$(basename "$d")
  case $name in embed | quiz | replies) continue ;; esac
  if [ -f "$d/index.html" ]; then article=$name; break; fi
done
reply=
for d in "$TMP/site/en/replies"/*/; do
  if [ -f "$d/index.html" ]; then reply=$(basename "$d"); break; fi
done
if [ -z "$article" ] || [ -z "$reply" ] || [ ! -f "$TMP/site/en/quiz/index.html" ]; then
  echo "could not find an English article, reply page and quiz in the build" >&2
  exit 1
fi
PAGES=(home article reply quiz)
declare -A URLS=(
  [home]=$ORIGIN/en/
  [article]=$ORIGIN/en/$article/
  [reply]=$ORIGIN/en/replies/$reply/
  [quiz]=$ORIGIN/en/quiz/
)

# 2. Install what is missing.
if [ ! -x "$HERE/node_modules/.bin/lighthouse" ]; then
  echo "== installing lighthouse (npm ci)"
  npm ci --prefix "$HERE" --no-audit --no-fund
fi
if [ ! -x "$CHROME_PATH" ]; then
  echo "== installing chromium (apt-get)"
  SUDO=
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi
LIGHTHOUSE=$HERE/node_modules/.bin/lighthouse
echo "== $("$LIGHTHOUSE" --version | sed 's/^/lighthouse /'), $("$CHROME_PATH" --version 2>/dev/null | head -n1)"

# 3. Serve.
python3 "$HERE/serve.py" "$TMP/site" "$PORT" >"$TMP/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$ORIGIN/en/" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$TMP/serve.log" >&2; echo "server failed to start" >&2; exit 1; }
  sleep 0.1
done
curl -fsS -o /dev/null "$ORIGIN/en/" || { echo "server not answering on $ORIGIN" >&2; exit 1; }

# 4. Audit.
mkdir -p "$OUT"
rm -f "$OUT"/*.report.json "$OUT"/*.log "$OUT"/summary.txt
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
failed=0
for preset in mobile desktop; do
  extra=()
  [ "$preset" = desktop ] && extra=(--preset=desktop)
  for page in "${PAGES[@]}"; do
    url=${URLS[$page]}
    echo "== $preset $page $url"
    if ! "$LIGHTHOUSE" "$url" "${extra[@]}" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS" \
      --disable-full-page-screenshot \
      --no-enable-error-reporting \
      --output=json --output-path="$OUT/$preset-$page.report.json" \
      >"$OUT/$preset-$page.log" 2>&1; then
      echo "lighthouse failed on $url ($preset); see $OUT/$preset-$page.log" >&2
      tail -n 20 "$OUT/$preset-$page.log" >&2
      failed=1
    fi
  done
done

# 5. Report.
{
  echo "pages: home /en/, article /en/$article/, reply /en/replies/$reply/, quiz /en/quiz/"
  echo
  node "$HERE/summarize.mjs" "$OUT" "${PAGES[@]}"
} | tee "$OUT/summary.txt"
exit "$failed"
