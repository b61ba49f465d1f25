"""The address a request came from, for the login lockout and the rate limits.

Without a reverse proxy it is the connection's address (REMOTE_ADDR). Behind one, every
request comes from the proxy, so the operator names in settings.CLIENT_IP_HEADER the header
in which the proxy passes on the client's address: `X-Real-IP` for nginx's
`proxy_set_header X-Real-IP $remote_addr;`, or `X-Forwarded-For`, of which the last address
is used (the one the nearest proxy added; the ones before it are whatever the client sent).
A header the proxy does not set is a value any client can forge, so it is never read unless
named. A request without the named header, or with a value that is not an address, falls
back to REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def header_meta_key(header):
    """`X-Real-IP` -> `HTTP_X_REAL_IP`, the header's key in `request.META`."""
    return "HTTP_" + header.upper().replace("-", "_")


def client_ip(request):
    """The client's address, as a string (or None if the server gave none)."""
    header = getattr(settings, "CLIENT_IP_HEADER", None)
    if header:
        forwarded = request.META.get(header_meta_key(header), "")
        last = forwarded.split(",")[-1].strip()
        if is_ip_address(last):
            return last
    return request.META.get("REMOTE_ADDR")


def is_ip_address(value):
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
