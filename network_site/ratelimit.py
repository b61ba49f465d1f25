"""A per-client request limit, counted in Django's cache.

`rate_limited("SEARCH_API_RATE_LIMIT")` limits a view to the rate that setting names, e.g.
"60/minute": each client (by address, see `client_address.py`) may make that many requests
per minute, counted in fixed windows that start on the minute. The next request in the
window is answered 429 Too Many Requests with a `Retry-After` header giving the seconds
until the window ends. A fixed window lets a client make up to twice the rate across the
boundary of two windows; that is enough to stop a script hammering a view, which is what
this is for.

The count is one cache key per client and window, made with `cache.add` and raised with
`cache.incr`, both atomic in Redis and Memcached, so application servers sharing one cache
share one count. (With the local-memory cache each process counts on its own.) The limit
protects the site and must never take it down: when the cache fails, the request is served
and a warning is logged.
"""

import functools
import logging
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import ngettext

from .client_address import client_ip

logger = logging.getLogger(__name__)

UNITS = {"second": 1, "minute": 60, "hour": 3600}
RATE = re.compile(r"^(\d+)/(second|minute|hour)$")


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text):
    """ "60/minute" -> Rate(60, 60). None or "" means no limit (None); anything else that is
    not of that form raises ValueError (the system check network_site.E001 reports it)."""
    if not text:
        return None
    match = RATE.fullmatch(text.strip())
    if match is None or int(match.group(1)) < 1:
        raise ValueError(
            f"{text!r} is not a rate: write a number of requests per second, minute or "
            "hour, such as '60/minute'."
        )
    return Rate(int(match.group(1)), UNITS[match.group(2)])


def count_request(scope, client, rate, now):
    """Count one request of `client` to `scope` in the current window of `rate`; return the
    count so far, this request included."""
    window = int(now // rate.seconds)
    key = f"ratelimit:{scope}:{client}:{window}"
    # The key outlives its window by a second, so it does not expire between add and incr.
    cache.add(key, 0, timeout=rate.seconds + 1)
    try:
        return cache.incr(key)
    except ValueError:  # The key was evicted all the same: this request starts the count.
        cache.add(key, 1, timeout=rate.seconds + 1)
        return 1


def refusal(request, setting, as_json):
    """The 429 answer if this request is one more than settings.<setting> allows the client
    in the current window, else None (also when the limit cannot be applied)."""
    try:
        rate = parse_rate(getattr(settings, setting, None))
    except ValueError:
        logger.error("Rate limit %s not applied: it is not a rate", setting)
        return None
    if rate is None:
        return None
    now = time.time()
    try:
        count = count_request(setting, client_ip(request) or "unknown", rate, now)
    # Any failure of the cache (Redis down, a timeout) must leave the site up.
    except Exception:
        logger.warning("Rate limit %s not applied: the cache failed", setting, exc_info=True)
        return None
    if count <= rate.requests:
        return None
    retry_after = max(math.ceil(rate.seconds - now % rate.seconds), 1)
    message = ngettext(
        "Too many requests from your address. Try again in %(seconds)s second.",
        "Too many requests from your address. Try again in %(seconds)s seconds.",
        retry_after,
    ) % {"seconds": retry_after}
    if as_json:
        response = JsonResponse({"error": message}, status=429)
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(setting, *, as_json=False):
    """Limit a view to the rate in settings.<setting> per client; see the module docstring.

    The refusal is a JSON `{"error": ...}` with `as_json`, plain text otherwise.
    """

    def decorator(view):
        @functools.wraps(view)
        def limited_view(request, *args, **kwargs):
            return refusal(request, setting, as_json) or view(request, *args, **kwargs)

        return limited_view

    return decorator
