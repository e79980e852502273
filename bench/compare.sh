#!/usr/bin/env bash
# bench/compare.sh: Tact against Hugo on the same synthetic corpus, and both
# against the goldmark floor (Markdown conversion alone, bench/floor) and the
# write floor (writing Tact's output alone, bench/writefloor).
#
# Usage, from anywhere:
#
#   bench/compare.sh                     # N = 3, 1000 and 10000; 5 runs each
#   N="3 1000" RUNS=3 bench/compare.sh   # fewer sizes, fewer runs
#
# Environment:
#   N         corpus sizes: articles per language, 4 languages  (default "3 1000 10000")
#   RUNS      timed runs per tool and size                       (default 5)
#   BASE_URL  --base-url for Tact, baseURL of the Hugo site      (default https://example.org/)
#   BASELINE  a git revision of Tact to measure in the same rounds, e.g.
#             BASELINE=HEAD~5: adds a "base" line per N (Tact/base ratios)
#   OUTDIR    where the builds write (default bench/out/public; /dev/shm/…
#             measures without the disk)
#   HUGO_REPLIES  sizes at which Hugo also builds the corpus with Tact's
#             reply pages and indexes (package corpus, HugoOptions.Replies),
#             so that both write the same pages: adds a "Hugo, same pages"
#             line per N (default "3 1000"; at 10000, 268,000 pages, Hugo
#             needs 15 GB of memory and over three minutes a run; "" for none)
#
# For each N it
#   1. writes the corpus as a Tact site and as a Hugo site with bench/gen
#      (bench/out/corpus/<N>/{tact,hugo,hugo-replies}; reused while the
#      generator and the repository's layouts/, assets/ and i18n/ are
#      unchanged);
#   2. runs Tact, Hugo and the floors in turn, RUNS rounds: T W H F T W H F
#      … (T W B H R F with a baseline B and Hugo with replies R), so that
#      drift in the machine's load hits them all alike (W, the write
#      floor, copies the output Tact has just written). Every build
#      writes a new output directory, after `sync`, under /usr/bin/time -v;
#      the outputs are removed only at the end (OUTDIR). Deleting a tree of
#      a quarter of a million files between runs made the next run's file
#      creation up to ten times slower on an ext4 volume mounted with
#      `discard` (measured: 27,000 files in 1 s into a fresh directory, 13 s
#      right after deleting a tree that size), which measures the disk's
#      housekeeping, not the builder. Tact runs as a binary built once with
#      `CGO_ENABLED=0 go build` (static, as Go programs are shipped; see
#      bench/README.md), so compile time is never measured; Hugo runs
#      `hugo --minify`;
#   3. prints the medians: wall time, CPU time (user + sys), peak RSS, pages
#      written (.html files), output bytes, pages/s, and the ratios Tact/Hugo
#      and Tact/floor, and Tact against the sum of both floors (parsing the
#      Markdown and writing the output: what no builder of this site can
#      go below). With N = 1000 and 10000 both measured it also prints
#      the cost per page at each size (linearity). With a BASELINE, the
#      ratio to it of each round's pair of runs as well.
#
# Raw measurements go to bench/out/ (git-ignored): results.tsv (one line per
# run), raw/<N>/<tool>-<run>.{time,log}, and summary.txt (what is printed).
#
# Needs go, hugo and GNU time; hugo (Debian's `hugo` package) and time are
# installed with apt-get when missing (as root, or through sudo).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${N:-"3 1000 10000"}
HUGO_REPLIES=${HUGO_REPLIES-"3 1000"}
RUNS=${RUNS:-5}
BASE_URL=${BASE_URL:-https://example.org/}
OUT=$ROOT/bench/out
OUTDIR=${OUTDIR:-$OUT/public}
BIN=$OUT/bin
RESULTS=$OUT/results.tsv
SUMMARY=$OUT/summary.txt

say() { printf '%s\n' "$*" >&2; }
die() { say "compare.sh: $*"; exit 1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS=$RUNS is not a positive number"
for n in $SIZES $HUGO_REPLIES; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "N or HUGO_REPLIES: $n is not a positive number"; done

# with_replies N succeeds when Hugo also builds the corpus of size N with
# Tact's reply pages.
with_replies() { [[ " $HUGO_REPLIES " == *" $1 "* ]]; }

as_root() {
	if [[ $(id -u) == 0 ]]; then "$@"
	elif command -v sudo >/dev/null; then sudo "$@"
	else die "run as root, or install the package yourself: $*"; fi
}
apt_install() {
	say "installing $* from Debian"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null ||
		{ as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; } ||
		die "could not install $*"
}
command -v go >/dev/null || die "go is not installed"
command -v hugo >/dev/null || apt_install hugo
[[ -x /usr/bin/time ]] || apt_install time

mkdir -p "$BIN" "$OUT/raw" "$OUT/corpus"
say "building tact, gen and the floors"
# Static binaries: the builder calls no C, but with cgo on, package net (which
# minify's net/http brings in) links libc for DNS lookups, and the dynamic
# loader then costs every run about 5 ms of a real-site build's ~100.
export CGO_ENABLED=0
go build -o "$BIN/tact" ./cmd/build
if [[ -n ${BASELINE:-} ]]; then
	say "building tact at $BASELINE as the baseline"
	rm -rf "$OUT/baseline-src"
	git worktree prune
	git worktree add -f --detach "$OUT/baseline-src" "$BASELINE" >/dev/null
	(cd "$OUT/baseline-src" && go build -o "$BIN/tact-base" ./cmd/build)
	git worktree remove --force "$OUT/baseline-src"
fi
go build -o "$BIN/gen" ./bench/gen
go build -o "$BIN/floor" ./bench/floor
go build -o "$BIN/writefloor" ./bench/writefloor

# The corpus depends on the generator and on the files it copies.
stamp=$( { sha256sum "$BIN/gen"; find layouts assets i18n -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-16)

# seconds converts GNU time's "h:mm:ss" or "m:ss.ss" to seconds.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f\n", s }' <<<"$1"; }

# field NAME FILE prints the value of a /usr/bin/time -v line.
field() { awk -v k="$1" 'index($0, k) { sub(/^.*: /, ""); print; exit }' "$2"; }

# measure TOOL N RUN OUTDIR CMD… runs CMD under /usr/bin/time -v into an
# empty OUTDIR and appends a line to results.tsv.
measure() {
	local tool=$1 n=$2 run=$3 outdir=$4; shift 4
	local raw=$OUT/raw/$n/$tool-$run
	rm -rf "$outdir" "$(dirname "$outdir")"/."$(basename "$outdir")".staging-*
	sync
	if ! /usr/bin/time -v -o "$raw.time" "$@" >"$raw.log" 2>&1; then
		tail -n 20 "$raw.log" >&2
		die "$tool failed at N=$n (run $run); see $raw.log"
	fi
	local wall user sys rss pages bytes
	wall=$(seconds "$(field 'Elapsed (wall clock)' "$raw.time")")
	user=$(field 'User time' "$raw.time")
	sys=$(field 'System time' "$raw.time")
	rss=$(field 'Maximum resident set size' "$raw.time")
	pages=$(find "$outdir" -type f -name '*.html' | wc -l)
	bytes=$(find "$outdir" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" \
		"$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')" "$rss" "$pages" "$bytes" >>"$RESULTS"
	say "  N=$n $tool run $run: ${wall} s wall, $((rss / 1024)) MiB, $pages pages"
}

# floor N RUN runs the goldmark floor once and records its conversion time.
floor() {
	local n=$1 run=$2 raw=$OUT/raw/$1/floor-$2
	"$BIN/floor" -content "$OUT/corpus/$n/tact/content" -runs 1 >"$raw.log" 2>&1 || die "floor failed; see $raw.log"
	local wall
	wall=$(sed -n 's/^median_wall_s=//p' "$raw.log")
	printf '%s\tfloor\t%s\t%s\t\t\t\t\n' "$n" "$run" "$wall" >>"$RESULTS"
	say "  N=$n floor run $run: ${wall} s"
}

# writefloor N RUN writes a copy of the output Tact wrote in round RUN and
# records the time that took.
writefloor() {
	local n=$1 run=$2 raw=$OUT/raw/$1/write-$2
	sync
	"$BIN/writefloor" -from "$OUTDIR/$n-$run/tact" -to "$OUTDIR/$n-$run/copy" >"$raw.log" 2>&1 || die "writefloor failed; see $raw.log"
	local wall
	wall=$(sed -n 's/^wall_s=//p' "$raw.log")
	printf '%s\twrite\t%s\t%s\t\t\t\t\n' "$n" "$run" "$wall" >>"$RESULTS"
	say "  N=$n write floor run $run: ${wall} s"
}

printf 'n\ttool\trun\twall_s\tcpu_s\trss_kb\tpages\tbytes\n' >"$RESULTS"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $SIZES; do
	dir=$OUT/corpus/$n
	# (Written again when it lacks the Hugo site with replies it now needs;
	# the stamp is written last, so a directory under it is complete.)
	if [[ $(cat "$dir/stamp" 2>/dev/null) != "$stamp" ]] || { with_replies "$n" && [[ ! -d $dir/hugo-replies ]]; }; then
		say "N=$n: writing the corpus"
		rm -rf "$dir"
		sites=(hugo)
		with_replies "$n" && sites+=(hugo-replies)
		"$BIN/gen" -n "$n" -root "$ROOT" -out "$dir/tact" -hugo "$dir/hugo" ${sites[1]:+-hugo-replies "$dir/hugo-replies"}
		# Hugo writes its resource cache into the site; make it now, untimed.
		for h in "${sites[@]}"; do
			hugo --minify --quiet -s "$dir/$h" -d "$dir/warm" --cacheDir "$OUT/hugo-cache" >/dev/null && rm -rf "$dir/warm"
		done
		echo "$stamp" >"$dir/stamp"
	fi
	mkdir -p "$OUT/raw/$n"
	for run in $(seq 1 "$RUNS"); do
		measure tact "$n" "$run" "$OUTDIR/$n-$run/tact" \
			"$BIN/tact" --content "$dir/tact" --out "$OUTDIR/$n-$run/tact" --base-url "$BASE_URL"
		writefloor "$n" "$run"
		if [[ -n ${BASELINE:-} ]]; then
			measure base "$n" "$run" "$OUTDIR/$n-$run/base" \
				"$BIN/tact-base" --content "$dir/tact" --out "$OUTDIR/$n-$run/base" --base-url "$BASE_URL"
		fi
		measure hugo "$n" "$run" "$OUTDIR/$n-$run/hugo" \
			hugo --minify --quiet -s "$dir/hugo" -d "$OUTDIR/$n-$run/hugo" --cacheDir "$OUT/hugo-cache"
		if with_replies "$n"; then
			measure hugor "$n" "$run" "$OUTDIR/$n-$run/hugor" \
				hugo --minify --quiet -s "$dir/hugo-replies" -d "$OUTDIR/$n-$run/hugor" --cacheDir "$OUT/hugo-cache"
		fi
		floor "$n" "$run"
	done
done
rm -rf "$OUTDIR"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report: medians per N and tool, from results.tsv.
awk -F'\t' -v runs="$RUNS" -v hugo="$(hugo version | awk '{ print $2 }')" -v base="${BASELINE:-}" \
	-v cores="$(nproc)" -v load1="$load_start" -v load2="$load_end" '
function median(key,   n, i, j, t, v) {
	n = split(vals[key], v, " ")
	for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > t + 0; j--) v[j + 1] = v[j]; v[j + 1] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function add(key, x) { vals[key] = vals[key] (vals[key] == "" ? "" : " ") x }
function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
# paired: the ratio of the values of keys a and b run by run (the runs
# alternate, so each pair ran under about the same load), then their median.
function paired(a, b,   n, i, x, y, out) {
	n = split(vals[a], x, " "); split(vals[b], y, " ")
	delete vals["paired"]
	for (i = 1; i <= n; i++) if (y[i] > 0) { out = out " " sprintf("%.2f", x[i] / y[i]); add("paired", x[i] / y[i]) }
	return substr(out, 2) "; median " sprintf("%.2f", median("paired"))
}
NR == 1 { next }
{
	if (!($1 in seen)) { seen[$1] = 1; order[++sizes] = $1 }
	add($1 SUBSEP $2 SUBSEP "wall", $4)
	if ($2 != "floor" && $2 != "write") {
		add($1 SUBSEP $2 SUBSEP "cpu", $5); add($1 SUBSEP $2 SUBSEP "rss", $6)
		pages[$1, $2] = $7; bytes[$1, $2] = $8
	}
}
END {
	printf "Tact vs Hugo %s on the synthetic corpus (4 languages x N articles of 4-6 KB), %d runs, medians\n", hugo, runs
	printf "%d cores; load average (1, 5, 15 min) %s at the start, %s at the end\n", cores, load1, load2
	for (k = 1; k <= sizes; k++) {
		n = order[k]
		for (t = 1; t <= 2; t++) {
			tool = t == 1 ? "tact" : "hugo"
			w[tool] = median(n SUBSEP tool SUBSEP "wall"); c[tool] = median(n SUBSEP tool SUBSEP "cpu")
			r[tool] = median(n SUBSEP tool SUBSEP "rss") / 1024
			p[tool] = pages[n, tool]; b[tool] = bytes[n, tool] / 1048576
			ps[tool] = w[tool] > 0 ? p[tool] / w[tool] : 0
		}
		f = median(n SUBSEP "floor" SUBSEP "wall"); wf = median(n SUBSEP "write" SUBSEP "wall")
		printf "\nN = %d (%d articles)\n", n, 4 * n
		printf "  %-24s %12s %12s %10s\n", "", "Tact", "Hugo", "Tact/Hugo"
		printf "  %-24s %12.3f %12.3f %10s\n", "wall (s)", w["tact"], w["hugo"], ratio(w["tact"], w["hugo"])
		printf "  %-24s %12.3f %12.3f %10s\n", "CPU user+sys (s)", c["tact"], c["hugo"], ratio(c["tact"], c["hugo"])
		printf "  %-24s %12.1f %12.1f %10s\n", "peak RSS (MiB)", r["tact"], r["hugo"], ratio(r["tact"], r["hugo"])
		printf "  %-24s %12d %12d %10s\n", "pages written (.html)", p["tact"], p["hugo"], ratio(p["tact"], p["hugo"])
		printf "  %-24s %12.1f %12.1f %10s\n", "output (MiB)", b["tact"], b["hugo"], ratio(b["tact"], b["hugo"])
		printf "  %-24s %12.0f %12.0f %10s\n", "pages/s", ps["tact"], ps["hugo"], ratio(ps["tact"], ps["hugo"])
		printf "  %-24s %12.4f %12s %10s\n", "goldmark floor (s)", f, "", ""
		printf "  %-24s %12s %12s\n", "wall / floor", ratio(w["tact"], f), ratio(w["hugo"], f)
		printf "  %-24s %12.4f %12s %10s\n", "write floor (s)", wf, "", ""
		printf "  %-24s %12s\n", "wall / (floor + write)", ratio(w["tact"], f + wf)
		if ((n SUBSEP "base" SUBSEP "wall") in vals) {
			bw = median(n SUBSEP "base" SUBSEP "wall"); bc = median(n SUBSEP "base" SUBSEP "cpu"); br = median(n SUBSEP "base" SUBSEP "rss") / 1024
			printf "  baseline (%s): wall %.3f s, CPU %.3f s, RSS %.1f MiB; Tact/baseline: wall %s, CPU %s, RSS %s\n", base, bw, bc, br, ratio(w["tact"], bw), ratio(c["tact"], bc), ratio(r["tact"], br)
			printf "    Tact/baseline run by run, wall: %s\n", paired(n SUBSEP "tact" SUBSEP "wall", n SUBSEP "base" SUBSEP "wall")
			printf "    Tact/baseline run by run, CPU:  %s\n", paired(n SUBSEP "tact" SUBSEP "cpu", n SUBSEP "base" SUBSEP "cpu")
		}
		if ((n SUBSEP "hugor" SUBSEP "wall") in vals) {
			hw = median(n SUBSEP "hugor" SUBSEP "wall"); hc = median(n SUBSEP "hugor" SUBSEP "cpu"); hr = median(n SUBSEP "hugor" SUBSEP "rss") / 1024
			printf "  Hugo, same pages (with Tact'\''s reply pages): wall %.3f s, CPU %.3f s, RSS %.1f MiB, %d pages, %.1f MiB\n", hw, hc, hr, pages[n, "hugor"], bytes[n, "hugor"] / 1048576
			printf "    Tact/Hugo, same pages: wall %s, CPU %s, RSS %s\n", ratio(w["tact"], hw), ratio(c["tact"], hc), ratio(r["tact"], hr)
		}
		pp[n, "tact"] = p["tact"] > 0 ? 1000 * w["tact"] / p["tact"] : 0
		pp[n, "hugo"] = p["hugo"] > 0 ? 1000 * w["hugo"] / p["hugo"] : 0
		pa[n, "tact"] = 1000 * w["tact"] / (4 * n); pa[n, "hugo"] = 1000 * w["hugo"] / (4 * n)
		pa[n, "floor"] = 1000 * f / (4 * n)
		ca[n, "tact"] = 1000 * c["tact"] / (4 * n); ca[n, "hugo"] = 1000 * c["hugo"] / (4 * n)
	}
	if ((1000 in seen) && (10000 in seen)) {
		printf "\nLinearity, N = 1000 -> 10000 (1.00 = perfectly linear; wall, then CPU)\n"
		for (t = 1; t <= 3; t++) {
			tool = t == 1 ? "tact" : t == 2 ? "hugo" : "floor"
			printf "  %-6s %8.3f -> %8.3f ms/article (x %s)", tool, pa[1000, tool], pa[10000, tool], ratio(pa[10000, tool], pa[1000, tool])
			if (tool != "floor") {
				printf ", %7.3f -> %7.3f ms/page (x %s)", pp[1000, tool], pp[10000, tool], ratio(pp[10000, tool], pp[1000, tool])
				printf "; CPU %6.3f -> %6.3f ms/article (x %s)", ca[1000, tool], ca[10000, tool], ratio(ca[10000, tool], ca[1000, tool])
			}
			printf "\n"
		}
	}
}' "$RESULTS" | tee "$SUMMARY"
