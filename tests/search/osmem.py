"""Talking to osmem-server, the in-memory stand-in for Elasticsearch in tests and benchmarks."""

import re

from elastic_transport import Urllib3HttpNode

COMPATIBLE_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([\w-]+); compatible-with=\d+")


class PlainJsonNode(Urllib3HttpNode):
    """Sends plain `application/json` (and `x-ndjson`) for osmem-server.

    The official client always asks for `application/vnd.elasticsearch+json;
    compatible-with=8`, which osmem answers with 406. Headers given to `Elasticsearch()`
    don't help: the client rewrites them to that form just before sending, so the rewrite
    is undone here, at the last step. Only the test client needs this.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = (headers or {}).copy()
        for name in ("accept", "content-type"):
            if name in headers:
                headers[name] = COMPATIBLE_MIMETYPE.sub(r"application/\1", headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
