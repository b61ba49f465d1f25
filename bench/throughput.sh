#!/usr/bin/env bash
# bench/throughput.sh — requests per second and latency under load, against the reference.
#
#   make bench-throughput BAKERYDEMO_REPO=/path/to/a/clone/of/wagtail/bakerydemo
#
# Serves this site with `make serve` (gunicorn, 2 sync workers, production settings,
# db.sqlite3 with the demo content, Redis) and the Wagtail reference site with
# bench/bakerydemo.sh (same server and worker count, its production settings, SQLite, its
# demo data), then loads each page with wrk (/work/shared/tools/wrk-page.sh, or WRK_PAGE)
# for BENCH_SECONDS (default 10) at 16 and at 32 connections, BENCH_ROUNDS times (default
# 3; the table gives each figure's median over the rounds, and the errors of all of them):
#
#   uncached  this site with its page cache off (PAGE_CACHE=off) against bakerydemo, page
#             for comparable page, the two sites taking turns page by page:
#             home / home, a case study / a blog post, the case study listing / the blog
#             index, a search with words / its search with a word;
#             target: this site at least 2x the reference's requests per second;
#   cached    this site with its page cache on, against python -m http.server serving the
#             same home page's bytes from a file, taking turns likewise;
#             targets: at least half of http.server's requests per second, and a p99 under
#             100 ms at 32 connections.
#
# Every address is asked once first and must answer 200 (wrk counts a redirect as a
# success); the cached run checks that pages come from the cache (X-Page-Cache: hit).
# Ports: OUR_PORT (8341), BAKERY_PORT (8342), STATIC_PORT (8343). Redis: REDIS_URL
# (default redis://127.0.0.1:6379/0; this site's keys start serve-OUR_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."

repo=${BAKERYDEMO_REPO:-${1:-}}
if [[ -z "$repo" ]]; then
    echo "usage: make bench-throughput BAKERYDEMO_REPO=/path/to/a/clone/of/wagtail/bakerydemo" >&2
    exit 2
fi
seconds=${BENCH_SECONDS:-10}
rounds=${BENCH_ROUNDS:-3}
our_port=${OUR_PORT:-8341}
bakery_port=${BAKERY_PORT:-8342}
static_port=${STATIC_PORT:-8343}
wrk_page=${WRK_PAGE:-/work/shared/tools/wrk-page.sh}
work=$(mktemp -d /tmp/throughput-bench.XXXXXX)
results="$work/results"
proto=(-H "X-Forwarded-Proto: https")  # bakerydemo's production settings expect a TLS proxy

if ! command -v wrk >/dev/null; then
    echo "wrk is not installed: apt-get update && apt-get install -y wrk" >&2
    exit 3
fi

# Comparable pages: name, this site's path, bakerydemo's path.
pages=(
    "home|/|/"
    "case study / blog post|/en/cities/tartu/case-studies/virtual-meetings-on-urban-plans/|/blog/wild-yeast/"
    "listing / blog index|/en/case-studies/|/blog/"
    "search with words|/en/search/?q=meetings|/search/?q=bread"
)

declare -A pids=()
start() {  # start NAME COMMAND...: run COMMAND in a process group of its own
    local name=$1
    shift
    setsid "$@" > "$work/$name.log" 2>&1 &
    pids[$name]=$!
}
stop() {
    local name=$1
    if [[ -n "${pids[$name]:-}" ]]; then
        kill -TERM -- "-${pids[$name]}" 2>/dev/null || true
        wait "${pids[$name]}" 2>/dev/null || true
        unset "pids[$name]"
    fi
}
cleanup() {
    for name in "${!pids[@]}"; do stop "$name"; done
    rm -rf "$work"
}
trap cleanup EXIT

wait_for() {  # wait_for NAME URL [curl args]: until URL answers, or fail with NAME's log
    local name=$1 url=$2
    shift 2
    for _ in $(seq 1 600); do
        if curl -s -o /dev/null "$@" "$url"; then return 0; fi
        if ! kill -0 "${pids[$name]}" 2>/dev/null; then
            echo "$name stopped:" >&2
            tail -20 "$work/$name.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "$name did not answer at $url" >&2
    exit 1
}

check_200() {  # check_200 URL [curl args]
    local url=$1
    shift
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
    if [[ "$status" != 200 ]]; then
        echo "$url answered $status, not 200: not measuring it" >&2
        exit 1
    fi
}

load() {  # load LABEL SITE CONNECTIONS URL [wrk args]: one wrk run, appended to $results
    local label=$1 site=$2 connections=$3 url=$4
    shift 4
    local line
    line=$(WRK_CONNECTIONS=$connections "$wrk_page" "$url" "$seconds" "$@")
    echo "$label|$site|$connections|$line" >> "$results"
    printf '  %-24s %-14s %2s conns: %s\n' "$label" "$site" "$connections" "$line"
}

serve_ours() {  # serve_ours on|off
    stop ours
    # Every wrk connection comes from 127.0.0.1, which the search page's rate limit per
    # client address (120 a minute) would take for one reader: it is off for the run.
    start ours env PAGE_CACHE="$1" ACCESS_LOG=off SEARCH_PAGE_RATE_LIMIT= \
        make --no-print-directory serve PORT="$our_port" SERVE_WORKERS=2
    wait_for ours "http://127.0.0.1:$our_port/en/"
}

echo "Starting bakerydemo on :$bakery_port (the first run installs it: minutes)"
start bakery env PORT="$bakery_port" bench/bakerydemo.sh "$repo"
echo "Starting this site on :$our_port with the page cache off"
serve_ours off
wait_for bakery "http://127.0.0.1:$bakery_port/" "${proto[@]}"

for page in "${pages[@]}"; do
    IFS='|' read -r label ours theirs <<< "$page"
    check_200 "http://127.0.0.1:$our_port$ours"
    check_200 "http://127.0.0.1:$bakery_port$theirs" "${proto[@]}"
done
if curl -s -D - -o /dev/null "http://127.0.0.1:$our_port/" | grep -qi '^x-page-cache: hit'; then
    echo "This site answered from its page cache with PAGE_CACHE=off" >&2
    exit 1
fi

echo "Uncached: this site against bakerydemo, ${seconds} s per run, $rounds rounds"
for round in $(seq 1 "$rounds"); do
    echo " round $round"
    for connections in 16 32; do
        for page in "${pages[@]}"; do
            IFS='|' read -r label ours theirs <<< "$page"
            load "$label" uncached "$connections" "http://127.0.0.1:$our_port$ours"
            load "$label" bakerydemo "$connections" "http://127.0.0.1:$bakery_port$theirs" \
                "${proto[@]}"
        done
    done
done
stop bakery

echo "Starting this site with the page cache on, and http.server on :$static_port"
serve_ours on
mkdir -p "$work/static"
curl -s "http://127.0.0.1:$our_port/" -o "$work/static/index.html"
start static python3 -m http.server "$static_port" --bind 127.0.0.1 --directory "$work/static"
wait_for static "http://127.0.0.1:$static_port/"
from_cache() {  # from_cache URL: whether URL comes from the page cache
    curl -s -D - -o /dev/null "$1" | grep -qi '^x-page-cache: hit'
}
for page in "${pages[@]}"; do
    IFS='|' read -r label ours theirs <<< "$page"
    url="http://127.0.0.1:$our_port$ours"
    check_200 "$url"
    # The task worker may still be finishing what `make setup` queued, and each task it
    # finishes purges the cache: ask again until the page stays cached.
    for _ in $(seq 1 30); do
        if from_cache "$url"; then break; fi
        sleep 1
    done
    if ! from_cache "$url"; then
        echo "$url did not come from the page cache" >&2
        exit 1
    fi
done
check_200 "http://127.0.0.1:$static_port/"

echo "Cached: this site against http.server (home page bytes), ${seconds} s per run"
for round in $(seq 1 "$rounds"); do
    echo " round $round"
    for connections in 16 32; do
        for page in "${pages[@]}"; do
            IFS='|' read -r label ours theirs <<< "$page"
            load "$label" cached "$connections" "http://127.0.0.1:$our_port$ours"
            if [[ "$label" == home ]]; then
                load home http.server "$connections" "http://127.0.0.1:$static_port/"
            fi
        done
    done
done

commit=$(git rev-parse --short HEAD)
echo
echo "Results at commit $commit: medians of $rounds runs of $seconds s (rps, p50 ms, p99 ms),"
echo "and the errors of all of them:"
awk -F'|' -v OFS='|' '
    {
        key = $1 SUBSEP $2 SUBSEP $3
        split($4, m, " ")
        runs[key]++
        for (f = 1; f <= 3; f++) value[key, f, runs[key]] = m[f]
        errs[key] += m[4]
        if (!seen[$1]++) order[++n] = $1
    }
    function median(key, f,    count, i, j, t, v) {
        count = runs[key]
        for (i = 1; i <= count; i++) v[i] = value[key, f, i] + 0
        for (i = 2; i <= count; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
            t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
        }
        return (count % 2) ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
    }
    function errors(page, site, conns) { return errs[page SUBSEP site SUBSEP conns] > 0 }
    END {
        for (key in runs) {
            rps[key] = median(key, 1)
            row[key] = sprintf("%.1f %.1f %.1f %d", rps[key], median(key, 2), median(key, 3), errs[key])
        }
        printf "%-24s %5s  %-30s %-30s %s\n", "page", "conns", "this site", "reference", "ratio (target)"
        for (c = 16; c <= 32; c += 16) for (i = 1; i <= n; i++) {
            p = order[i]
            if ((p SUBSEP "uncached" SUBSEP c) in rps) {
                r = rps[p SUBSEP "uncached" SUBSEP c] / rps[p SUBSEP "bakerydemo" SUBSEP c]
                verdict = (r >= 2 ? "met" : "MISSED")
                if (errors(p, "uncached", c) || errors(p, "bakerydemo", c)) verdict = "INVALID: errors"
                printf "%-24s %5d  %-30s %-30s %.2f (>= 2, uncached vs bakerydemo) %s\n", p, c,
                    "uncached " row[p SUBSEP "uncached" SUBSEP c],
                    "bakery " row[p SUBSEP "bakerydemo" SUBSEP c], r, verdict
            }
        }
        for (c = 16; c <= 32; c += 16) for (i = 1; i <= n; i++) {
            p = order[i]
            if ((p SUBSEP "cached" SUBSEP c) in rps) {
                r = rps[p SUBSEP "cached" SUBSEP c] / rps["home" SUBSEP "http.server" SUBSEP c]
                split(row[p SUBSEP "cached" SUBSEP c], m, " ")
                verdict = (r >= 0.5 ? "met" : "MISSED")
                if (errors(p, "cached", c) || errors("home", "http.server", c)) verdict = "INVALID: errors"
                p99 = (c == 32) ? sprintf(", p99 %s ms (< 100) %s", m[3], (m[3] < 100 ? "met" : "MISSED")) : ""
                printf "%-24s %5d  %-30s %-30s %.2f (>= 0.5, cached vs http.server home) %s%s\n", p, c,
                    "cached " row[p SUBSEP "cached" SUBSEP c],
                    "static " row["home" SUBSEP "http.server" SUBSEP c], r,
                    verdict, p99
            }
        }
    }' "$results"
