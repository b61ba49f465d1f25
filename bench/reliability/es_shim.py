"""A pass-through proxy that lets the site's own Elasticsearch client talk to osmem-server.

    .venv/bin/python bench/reliability/es_shim.py LISTEN_PORT UPSTREAM_URL

The official client sends `application/vnd.elasticsearch+json; compatible-with=8`, which
osmem-server (the in-memory stand-in for Elasticsearch) refuses with 406. The tests give
their client a node class that sends plain `application/json` (tests/search/osmem.py); the
served site uses the production client, unchanged, so this proxy rewrites those two
headers on the way and passes everything else through. The reliability run treats the pair
(proxy and osmem-server) as one search server: it starts and kills them together.
"""

import http.client
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

COMPATIBLE_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([\w-]+); compatible-with=\d+")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = None  # (host, port), set by main()

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {
            name: COMPATIBLE_MIMETYPE.sub(r"application/\1", value)
            if name.lower() in ("accept", "content-type")
            else value
            for name, value in self.headers.items()
            if name.lower() not in HOP_BY_HOP
        }
        connection = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        except OSError:
            self.send_error(502, "osmem-server is not answering")
            return
        finally:
            connection.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

    def log_message(self, format, *args):
        """Quiet: one line per search request would drown the run's own output."""


def main(port, upstream_url):
    upstream = urlsplit(upstream_url)
    Handler.upstream = (upstream.hostname, upstream.port)
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:])
