"""Talking to osmem-server, the in-memory stand-in for Elasticsearch in tests and benchmarks."""

import re

from elastic_transport import Urllib3HttpNode

from search.backends.elasticsearch import STEMMERS, STOP_WORDS, language_analysis

# What osmem-server 0.1.6 cannot analyse. It refuses Snowball's Estonian stemmer, the
# `_estonian_` stop words and Lucene's Bulgarian stemmer, and ignores the `elision` filter
# (with a warning). Its Italian, Romanian, Hungarian, Dutch and Portuguese stemming filters
# build, but then every query matches every document of the field (and the highlighter
# marks every word). So against osmem only English, French and Spanish are stemmed; the
# other languages are lower-cased and folded, and their stemming on the Elasticsearch
# backend is tested against a real cluster only (ELASTICSEARCH_URL).
OSMEM_LACKS = {"stemmers": ("it", "ro", "hu", "nl", "pt", "et", "bg"), "stop_words": ("et",)}


def osmem_analysis():
    """The backend's analysis settings without what osmem-server cannot build."""
    return language_analysis(
        stemmers={k: v for k, v in STEMMERS.items() if k not in OSMEM_LACKS["stemmers"]},
        stop_words={k: v for k, v in STOP_WORDS.items() if k not in OSMEM_LACKS["stop_words"]},
    )


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
