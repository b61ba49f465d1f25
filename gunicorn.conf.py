"""gunicorn's configuration for the site (read from the current directory at start-up).

Why gunicorn: the site is synchronous Django, where time goes to rendering rather than to
the server, and gunicorn's sync workers are the long-proven way to run it: one request per
process, a worker that hangs is killed and replaced, and `kill -HUP` reloads the code with
no dropped request. Put a proxy (nginx, Caddy, a load balancer) in front: it terminates
TLS, buffers slow clients, serves /media/ and caps upload sizes.

Environment: PORT (default 8000), BIND_ADDRESS (default 127.0.0.1; 0.0.0.0 in a container),
WEB_CONCURRENCY (workers, default 2 per core), ACCESS_LOG, FORWARDED_ALLOW_IPS.
"""

import multiprocessing
import os
import subprocess
import sys

bind = f"{os.environ.get('BIND_ADDRESS', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
wsgi_app = "network_site.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))

# A request that takes 30 s is stuck: the worker is killed and a new one takes its place.
# Uploads (up to 20 MB documents) arrive buffered by the proxy, so they fit in that time.
timeout = 30
# On a reload or stop, requests in flight get this long to finish.
graceful_timeout = 30
keepalive = 5

# Request limits: a request line of at most 8 KB, at most 100 headers of at most 8 KB each.
# Bodies are limited by Django (DATA_UPLOAD_MAX_MEMORY_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE)
# and by the proxy.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Recycle a worker after about 100,000 requests, so that memory cannot creep up for ever.
# Not sooner: a new worker takes a second or more to load the site, and requests wait for
# it (with 1,000, a cached page's p99 latency at 32 connections went from 30 ms to 2.4 s).
max_requests = 100_000
max_requests_jitter = 10_000

# No runtime control socket: gunicorn 27 puts it at one path per user, which two servers on
# one host (two `make serve`, a benchmark) would share; signals do the same work.
control_socket_disable = True

# One line per request on standard output; ACCESS_LOG=off for benchmarks.
accesslog = None if os.environ.get("ACCESS_LOG") == "off" else "-"
errorlog = "-"
# The proxy's address is trusted for X-Forwarded-* headers; set FORWARDED_ALLOW_IPS to it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Refuse to start on what Django's system checks call an error (a malformed
    ELASTICSEARCH_URL, a rate limit that is not a rate). The checks run in a process of
    their own: importing the site here, in the arbiter, would keep its code loaded across
    `kill -HUP`, and reloads would then serve the old code."""
    manage_py = os.path.join(os.path.dirname(os.path.abspath(__file__)), "manage.py")
    result = subprocess.run(  # noqa: S603 - our interpreter and manage.py, fixed arguments
        [sys.executable, manage_py, "check", "--fail-level", "ERROR"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"Not starting: the system checks failed.\n{result.stderr}")
