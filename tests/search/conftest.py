"""Fixtures for the search backends: an Elasticsearch backend on an empty cluster.

With ELASTICSEARCH_URL set, the backend uses that real cluster under a unique index prefix
and removes its indices afterwards. Without it, it uses osmem-server, an in-memory
OpenSearch-compatible server started by its pytest plugin (one process per session, one
copy-on-write clone per test), with the analysers it can build (`tests.search.osmem`).
"""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch
from osmem_server import OsmemError, OsmemServer

from search.backends.elasticsearch import ElasticsearchBackend
from tests.search.osmem import PlainJsonNode, osmem_analysis


def service_missing(reason):
    """Skip locally, with the reason; fail in CI, where the service must be there."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def osmem_server():
    """Overrides the osmem plugin's fixture: no seed data, no Japanese analysis."""
    try:
        server = OsmemServer.start(japanese=False)
    except (OsmemError, OSError) as exc:
        service_missing(f"osmem-server could not start: {exc}")
    yield server
    server.close()


@pytest.fixture
def elasticsearch_backend(request):
    """An ElasticsearchBackend with no index yet."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        clone = request.getfixturevalue("osmem_clone")
        client = Elasticsearch(
            clone.url, node_class=PlainJsonNode, request_timeout=5, max_retries=0
        )
        yield ElasticsearchBackend(index_prefix="test-", client=client, analysis=osmem_analysis())
        return

    prefix = f"test-{uuid.uuid4().hex[:12]}-"
    backend = ElasticsearchBackend(url=url, index_prefix=prefix, timeout=10)
    yield backend
    # Wildcard deletes are refused by default (action.destructive_requires_name): list first.
    names = list(backend.client.indices.get(index=f"{prefix}*", expand_wildcards="all"))
    if names:
        backend.client.indices.delete(index=",".join(names))
