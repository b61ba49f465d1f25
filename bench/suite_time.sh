#!/usr/bin/env bash
# Time `make test` and the SQLite run for an earlier commit and for this checkout, alternating
# them so that both see the same machine: bench/suite_time.sh [COMMIT] [ROUNDS]
# (default 66070fc, 2 rounds). The earlier commit is checked out in a temporary worktree that
# shares this checkout's .venv. Run it with nothing else running; it prints seconds per run.
set -euo pipefail
cd "$(dirname "$0")/.."
before_commit=${1:-66070fc}
rounds=${2:-2}
make install >/dev/null
before=$(mktemp -d)/before
git worktree add --quiet --detach "$before" "$before_commit"
trap 'git worktree remove --force "$before"' EXIT
ln -s "$PWD/.venv" "$before/.venv"
touch .venv/.installed  # Newer than the worktree's requirements.lock: no reinstall there.

timed() {  # label, folder, command...
    local label=$1 folder=$2 start
    shift 2
    start=$(date +%s%N)
    (cd "$folder" && "$@") >/dev/null 2>&1 || echo "$label failed" >&2
    printf '%-28s %5d s\n' "$label" $((($(date +%s%N) - start) / 1000000000))
}

for round in $(seq "$rounds"); do
    timed "before make test ($round)" "$before" make test
    timed "after make test ($round)" . make test
    timed "before SQLite run ($round)" "$before" env -u DATABASE_URL .venv/bin/pytest -q -p no:cacheprovider
    timed "after SQLite run ($round)" . env -u DATABASE_URL .venv/bin/pytest -q -p no:cacheprovider
done
