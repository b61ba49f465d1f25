"""Per-client request limits on /api/search/ and /search/ (network_site/ratelimit.py)."""

import json

from django.core.management import call_command
from django.core.management.base import SystemCheckError

import pytest

import network_site.ratelimit

pytestmark = pytest.mark.django_db

READER = "203.0.113.7"
ANOTHER_READER = "198.51.100.20"


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.SEARCH_API_RATE_LIMIT = "3/minute"
    settings.SEARCH_PAGE_RATE_LIMIT = "5/minute"


def api(client, address=READER, **headers):
    return client.get("/en/api/search/?q=meetings", REMOTE_ADDR=address, **headers)


def test_the_request_after_the_limit_gets_429_with_retry_after(client, site_tree):
    for _ in range(3):
        response = api(client)
        assert response.status_code == 200
        assert "results" in json.loads(response.content)
    refused = api(client)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert "Too many requests" in json.loads(refused.content)["error"]
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_another_client_is_not_limited(client, site_tree):
    for _ in range(4):
        api(client)
    assert api(client).status_code == 429
    assert api(client, address=ANOTHER_READER).status_code == 200


def test_the_next_window_starts_a_new_count(client, site_tree, monkeypatch):
    clock = [600.0]
    monkeypatch.setattr(network_site.ratelimit.time, "time", lambda: clock[0])
    for _ in range(3):
        assert api(client).status_code == 200
    clock[0] = 659.5
    refused = api(client)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    clock[0] = 660.0
    assert api(client).status_code == 200


def test_behind_a_proxy_the_named_header_tells_clients_apart(client, site_tree, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    proxy = "10.0.0.1"
    for _ in range(4):
        api(client, proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {READER}")
    assert api(client, proxy, HTTP_X_FORWARDED_FOR=READER).status_code == 429
    assert api(client, proxy, HTTP_X_FORWARDED_FOR=ANOTHER_READER).status_code == 200


class BrokenCache:
    """A cache whose server is down: every call raises, as Django's Redis cache does."""

    def add(self, *args, **kwargs):
        raise ConnectionError("Connection refused")

    incr = add


def test_a_failing_cache_serves_the_search_and_logs_a_warning(
    client, site_tree, monkeypatch, caplog
):
    monkeypatch.setattr(network_site.ratelimit, "cache", BrokenCache())
    for _ in range(5):
        response = api(client)
        assert response.status_code == 200
        assert "results" in json.loads(response.content)
    assert "Rate limit SEARCH_API_RATE_LIMIT not applied: the cache failed" in caplog.text


def test_the_search_page_has_a_looser_limit_of_its_own(client, site_tree):
    for _ in range(3):
        api(client)
    for _ in range(5):
        page = client.get("/en/search/?q=meetings", REMOTE_ADDR=READER)
        assert page.status_code == 200
        assert "<form" in page.text
    refused = client.get("/en/search/?q=meetings", REMOTE_ADDR=READER)
    assert refused.status_code == 429
    assert "Too many requests from your address" in refused.text
    assert refused["Retry-After"]


def test_no_limit_when_the_setting_is_empty(client, site_tree, settings):
    settings.SEARCH_API_RATE_LIMIT = ""
    for _ in range(10):
        assert api(client).status_code == 200


def test_a_malformed_rate_fails_the_system_check_and_is_not_applied(client, site_tree, settings):
    settings.SEARCH_API_RATE_LIMIT = "lots"
    with pytest.raises(SystemCheckError, match=r"network_site.E001.*SEARCH_API_RATE_LIMIT"):
        call_command("check")
    for _ in range(5):
        assert api(client).status_code == 200
