#!/usr/bin/env bash
# bench/realsite.sh: cold builds of the repository's own site, process start
# included, paired in the same rounds with Hugo building a 12-article site
# (the synthetic corpus at N = 3: 3 articles in each of 4 languages, with
# Tact's reply pages).
#
# Usage, from anywhere:
#
#   bench/realsite.sh                       # 20 builds
#   RUNS=40 BASELINE=HEAD~5 bench/realsite.sh
#
# Environment:
#   RUNS      builds per binary                                  (default 20)
#   BASELINE  a git revision to measure in the same rounds, alternating;
#             it builds its own checkout of the site (its layouts may not
#             suit the current binary, nor the current ones it)
#   HUGO      0 to leave Hugo out (default 1)
#   OUTDIR    where the builds write (default /dev/shm/tact-realsite: memory,
#             so that the disk does not blur a 100 ms figure)
#
# Each binary is built once, static (CGO_ENABLED=0, see bench/README.md).
# Every build writes a new directory, with --base-url as compare.sh gives it,
# timed by the shell (wall, user and system time, to the millisecond). Five
# more builds each, under GNU time, count the minor page faults. It prints
# the median and the fastest wall time, the median CPU time (user + sys) and
# the median number of minor page faults of each binary, and the ratios.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
OUT=${OUTDIR:-/dev/shm/tact-realsite}
BIN=bench/out/bin

say() { printf '%s\n' "$*" >&2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { say "realsite.sh: RUNS=$RUNS is not a positive number"; exit 1; }
[[ -x /usr/bin/time ]] || { say "realsite.sh: needs GNU time (apt-get install time)"; exit 1; }

mkdir -p "$BIN"
rm -rf "$OUT" && mkdir -p "$OUT"
export CGO_ENABLED=0
tools=(tact)
declare -A cmd
go build -o "$BIN/realsite-tact" ./cmd/build
cmd[tact]="$BIN/realsite-tact --base-url https://example.org/ --out"
if [[ -n ${BASELINE:-} ]]; then
	src=$(mktemp -d)
	trap 'git worktree remove --force "$src" >/dev/null 2>&1 || true' EXIT
	git worktree add -f --detach "$src" "$BASELINE" >/dev/null
	(cd "$src" && go build -o "$OLDPWD/$BIN/realsite-base" ./cmd/build)
	tools+=(base)
	cmd[base]="$BIN/realsite-base --content $src --base-url https://example.org/ --out"
fi
if [[ ${HUGO:-1} != 0 ]]; then
	command -v hugo >/dev/null || { say "realsite.sh: needs hugo (apt-get install hugo), or HUGO=0"; exit 1; }
	hugosite=$OUT/hugo-site
	go run ./bench/gen -n 3 -out "$OUT/gen-tact" -hugo-replies "$hugosite" >/dev/null
	hugo --minify --quiet -s "$hugosite" -d "$OUT/warm" --cacheDir "$OUT/hugo-cache" >/dev/null # (fills its cache once)
	rm -rf "$OUT/warm"
	tools+=(hugo)
	cmd[hugo]="hugo --minify --quiet -s $hugosite --cacheDir $OUT/hugo-cache -d"
fi

declare -A wall cpu faults
TIMEFORMAT='%3R %3U %3S'
for ((r = 1; r <= RUNS; r++)); do
	for tool in "${tools[@]}"; do
		dir=$OUT/$tool-$r
		# The shell's own timer: no wrapper process to start as well.
		t=$({ time ${cmd[$tool]} "$dir" >/dev/null 2>&1; } 2>&1) || { say "realsite.sh: $tool failed: ${cmd[$tool]} $dir"; exit 1; }
		read -r real user sys <<<"$t"
		wall[$tool]+="$(awk -v r="$real" 'BEGIN { printf "%.0f", r * 1000 }') "
		cpu[$tool]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }') "
		rm -rf "$dir"
	done
done
# Minor page faults, from a few more builds under GNU time (untimed).
for ((r = 1; r <= 5; r++)); do
	for tool in "${tools[@]}"; do
		/usr/bin/time -o "$OUT/time" -f '%R' ${cmd[$tool]} "$OUT/faults" >/dev/null
		faults[$tool]+="$(cat "$OUT/time") "
		rm -rf "$OUT/faults"
	done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
fastest() { tr ' ' '\n' | grep . | sort -n | head -1; }

printf 'Real site, cold process, %d builds per binary into %s, medians\n' "$RUNS" "$OUT"
printf '%-10s %12s %12s %12s %14s\n' "" "wall (ms)" "fastest" "CPU (ms)" "minor faults"
for tool in "${tools[@]}"; do
	printf '%-10s %12s %12s %12s %14s\n' "$tool" "$(median <<<"${wall[$tool]}")" "$(fastest <<<"${wall[$tool]}")" "$(median <<<"${cpu[$tool]}")" "$(median <<<"${faults[$tool]}")"
done
if [[ -n ${BASELINE:-} ]]; then
	awk -v a="$(median <<<"${wall[tact]}")" -v b="$(median <<<"${wall[base]}")" -v c="$(median <<<"${cpu[tact]}")" -v d="$(median <<<"${cpu[base]}")" \
		'BEGIN { printf "tact/base: wall %.2f, CPU %.2f (baseline %s)\n", a / b, c / d, ENVIRON["BASELINE"] }'
fi
if [[ ${HUGO:-1} != 0 ]]; then
	awk -v a="$(median <<<"${wall[tact]}")" -v b="$(median <<<"${wall[hugo]}")" -v c="$(median <<<"${cpu[tact]}")" -v d="$(median <<<"${cpu[hugo]}")" -v v="$(hugo version | awk '{ print $2 }')" \
		'BEGIN { printf "tact/hugo: wall %.2f, CPU %.2f (Hugo %s, 12 articles with reply pages)\n", a / b, c / d, v }'
fi
rm -rf "$OUT"
