#!/usr/bin/env bash
# bench/bakerydemo.sh [CLONE] — set up and serve the Wagtail reference site, for comparison.
#
# The Wagtail core team's demo site, wagtail/bakerydemo, at commit 3c7e3af (Wagtail 7.2),
# as its production settings serve it: gunicorn with 2 sync workers on 127.0.0.1:PORT,
# SQLite, its demo data loaded by its own `load_initial_data` command, static files by
# WhiteNoise. Nothing of it is kept in this repository:
#
#   CLONE (or BAKERYDEMO_REPO)  a local git clone of wagtail/bakerydemo (a bare one will do)
#   BAKERYDEMO_DIR              where to check it out (default /tmp/bakerydemo-3c7e3af); it
#                               gets its own .venv, installed from PyPI, and its database
#   PORT                        default 8200
#
# The first run clones, installs, migrates and loads the data (a few minutes); later runs
# only serve. Stop it with Ctrl-C (or kill its process id).
#
# Its production settings redirect plain HTTP to HTTPS (SECURE_SSL_REDIRECT) and trust
# X-Forwarded-Proto, as behind a TLS proxy: send `X-Forwarded-Proto: https` with every
# request, as bench/throughput.sh does. Its cache is per-process memory (no REDIS_URL), as
# its settings choose without Redis; it keeps the template fragments it caches there.
set -euo pipefail

commit=3c7e3af
repo=${1:-${BAKERYDEMO_REPO:-}}
dir=${BAKERYDEMO_DIR:-/tmp/bakerydemo-$commit}
port=${PORT:-8200}
# Python 3.13: bakerydemo targets 3.12, but on 3.11 and 3.12 the django-tasks its Wagtail
# pins (<0.10) fails to enqueue any task (a dataclass bug in those Pythons: django-tasks
# issue #223), so it cannot even load its data; 3.13 has the fix.
find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.13 "$(pyenv root 2>/dev/null)"/versions/3.13*/bin/python3.13; do
        if [[ -n "$candidate" ]] && "$candidate" -c 'import sys; assert sys.version_info >= (3, 13)' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "bakerydemo needs Python 3.13 here: set PYTHON to one" >&2
    exit 3
}

if [[ ! -d "$dir/.git" ]]; then
    if [[ -z "$repo" ]]; then
        echo "usage: bench/bakerydemo.sh CLONE (a local clone of wagtail/bakerydemo)" >&2
        exit 2
    fi
    echo "Checking out bakerydemo $commit into $dir"
    git clone --quiet --no-checkout "$repo" "$dir"
    git -C "$dir" -c advice.detachedHead=false checkout --quiet "$commit"
fi
cd "$dir"

if [[ ! -x .venv/bin/gunicorn ]]; then
    echo "Installing its requirements into $dir/.venv"
    rm -rf .venv
    "$(find_python)" -m venv .venv
    # Its base requirements, and the two its production settings need here: WhiteNoise
    # (static files) and a WSGI server. uwsgi, boto3 and the cloud storages of
    # requirements/production.txt serve deployments this comparison does not use.
    .venv/bin/pip install --quiet -r requirements/base.txt whitenoise==6.6.0 "gunicorn>=23,<24" \
        2> >(grep -v '^WARNING: Location' >&2)
fi

export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
export DATABASE_URL="sqlite:///$dir/bakerydemodb"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
# A fixed key, so both workers (and each run) sign alike; this server is for benchmarks only.
export DJANGO_SECRET_KEY=${BAKERYDEMO_SECRET_KEY:-bakerydemo-benchmark-only-$(printf '%s' "$dir" | sha256sum | cut -c1-40)}
export PRIMARY_HOST="127.0.0.1:$port"  # Its WAGTAILADMIN_BASE_URL.
unset REDIS_URL REDIS_TLS_URL ELASTICSEARCH_ENDPOINT

if [[ ! -f .bench-loaded ]]; then
    echo "Migrating and loading its demo data"
    rm -f bakerydemodb
    .venv/bin/python manage.py migrate --noinput --verbosity 0
    .venv/bin/python manage.py load_initial_data
    .venv/bin/python manage.py collectstatic --noinput --verbosity 0
    touch .bench-loaded
fi

echo "bakerydemo $commit on http://127.0.0.1:$port/ (send X-Forwarded-Proto: https)"
exec .venv/bin/gunicorn bakerydemo.wsgi:application --workers 2 --worker-class sync \
    --bind "127.0.0.1:$port" --access-logfile /dev/null --error-logfile -
