"""The read API keeps the promises of its own OpenAPI schema, whatever a client sends.

Property-based (schemathesis, on Hypothesis): from the schema the site serves at
/api/v3/openapi.json, schemathesis generates requests for each operation, valid ones (values
of the declared types and ranges) and invalid ones (values the schema excludes, ids that
are not numbers), and sends them in-process through the site's WSGI application, middleware
and all. Every answer must be

- not a server error (no 500),
- of a status code the operation declares (200, 400, 404, 429),
- of the declared media type, with a body the declared schema of that status accepts,
- a refusal (400) when the request is one the schema excludes.

The site is the module's of tests/api/test_read_api.py (case studies in Tartu, a
translation, an update, a guide, the roadmap, an image, documents, drafts, private pages
and an unpublished city), and about half the requests to an address with an id take the id
of one of its items, so the detail answers are checked on real items, not only on 404s.

Examples are few per operation (25; the suite is run on every change) and, in CI, the same
on every run (`derandomize`, see tests/test_bad_input.py); a local run draws new ones.
"""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from api.views import api
from tests.api.test_read_api import built  # noqa: F401 (the module's site, a fixture)
from tests.test_bad_input import property_test

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# The path parameter of each detail address, and the items of the site it may name.
ID_PARAMETERS = {
    "page_id": [
        *("budgeting", "meetings", "romanian", "update", "guide", "roadmap"),
        *("draft", "private", "riga_case"),  # Readers may not see these: 404.
    ],
    "image_id": ["image"],
    "document_id": ["document", "hidden_document"],
}


# The schema the site serves at /api/v3/openapi.json (see the first test), its requests sent
# to the site's WSGI application. It is read from the API object, not fetched in a fixture:
# the tests are made when the module is collected, which may not use the database, and
# schemathesis' fixture-loaded schemas (`from_fixture`) fail under pytest 9.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _as_the_test_client(settings):
    """The WSGI application served as Django's test client serves it: without closing the
    database connection after each request (which ends the test's transaction on
    PostgreSQL), and with no rate limit (one run sends more requests than a reader may)."""
    settings.API_RATE_LIMIT = None
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_schema_checked_is_the_one_served(client):
    response = client.get("/api/v3/openapi.json")
    assert response.json() == schema.raw_schema


@schema.parametrize()
@schema.given(data=st.data())
@property_test(max_examples=25)
def test_the_api_answers_as_its_schema_says(case, data, built):  # noqa: F811
    for name, items in ID_PARAMETERS.items():
        if name in (case.path_parameters or {}) and data.draw(st.booleans(), label="real id"):
            case.path_parameters[name] = built[data.draw(st.sampled_from(items), label=name)]
    case.call_and_validate(checks=CHECKS)
