"""The page cache: anonymous readers get stored pages, and no change of an editor is ever
hidden by one (network_site/page_cache.py)."""

import os
import subprocess
import sys

from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import override_settings

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CityPage
from network_site.models import SiteText, Theme
from network_site.page_cache import GENERATION_KEY
from network_site.settings.base import BASE_DIR
from tests.conftest import fresh

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = {"ENABLED": True}


@pytest.fixture
def case_study(tartu, themes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Virtual planning meetings",
            themes=[themes["governance"]],
        )


def read(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def test_a_second_anonymous_reader_gets_the_stored_page(client, case_study):
    assert read(client, case_study.url)[0] == "miss"
    state, html = read(client, case_study.url)
    assert state == "hit"
    assert "Virtual planning meetings" in html
    first = read(client, "/en/search/?q=planning")
    assert first[0] == "miss"
    assert read(client, "/en/search/?q=planning") == ("hit", first[1])


def test_a_stored_page_says_a_cdn_may_not_keep_it_unless_told(client, case_study, settings):
    response = client.get(case_study.url)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=0"
    settings.PAGE_CACHE = {"ENABLED": True, "CDN_SECONDS": 120}
    assert "s-maxage=120" in client.get("/en/case-studies/")["Cache-Control"]


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def unpublish(page):
    page.unpublish()


def delete(page):
    page.delete()


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")


def move_to_ghent(page):
    page.move(CityPage.objects.get(slug="ghent").case_studies_section, pos="last-child")


@pytest.mark.parametrize(
    ("change", "path", "gone", "shown"),
    [
        (
            lambda page: republish(page, title="Online planning"),
            "/en/case-studies/",
            "Virtual planning meetings",
            "Online planning",
        ),
        (unpublish, "/en/case-studies/", "Virtual planning meetings", None),
        (delete, "/en/case-studies/", "Virtual planning meetings", None),
        (make_private, "/en/case-studies/", "Virtual planning meetings", None),
        (move_to_ghent, "/en/cities/ghent/case-studies/", None, "Virtual planning meetings"),
    ],
    ids=["publish", "unpublish", "delete", "privacy", "move"],
)
def test_a_page_change_shows_on_the_next_request(
    client, case_study, django_capture_on_commit_callbacks, change, path, gone, shown
):
    read(client, path)
    assert read(client, path)[0] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        change(fresh(case_study.pk))
    state, html = read(client, path)
    assert state == "miss"
    if gone:
        assert gone not in html
    if shown:
        assert shown in html


def test_a_renamed_theme_and_new_site_text_show_on_the_next_request(
    client, case_study, django_capture_on_commit_callbacks
):
    read(client, case_study.url)
    with django_capture_on_commit_callbacks(execute=True):
        theme = Theme.objects.get(slug="governance")
        theme.name = "Open governance"
        theme.save()
    assert "Open governance" in read(client, case_study.url)[1]
    with django_capture_on_commit_callbacks(execute=True):
        text = SiteText.load()
        text.tagline = "Cities that listen"
        text.save()
    assert "Cities that listen" in read(client, case_study.url)[1]


def test_feeds_are_stored_per_address_filters_included_and_purged_on_a_change(
    client, case_study, django_capture_on_commit_callbacks
):
    """A feed is a page like another: each filtered or searched feed is stored under its
    own address (its language included, in the path), varies on nothing but the cookie,
    and a publish reaches it on the next request."""
    governance, search = "/en/case-studies/feed/?theme=governance", "/en/search/feed/?q=x"
    for path in (governance, search):
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss"
        assert response["Content-Type"].startswith("application/atom+xml")
        assert response.get("Vary", "Cookie") == "Cookie"
    state, feed = read(client, governance)
    assert state == "hit"
    assert "Virtual planning meetings" in feed
    assert "Virtual planning meetings" not in read(client, search)[1]
    with django_capture_on_commit_callbacks(execute=True):
        republish(fresh(case_study.pk), title="Online planning")
    state, feed = read(client, governance)
    assert state == "miss"
    assert "Online planning" in feed


def test_nothing_is_purged_before_the_change_is_committed(client, case_study):
    read(client, case_study.url)
    republish(fresh(case_study.pk), title="Not committed yet")
    assert read(client, case_study.url)[0] == "hit"


def test_logged_in_users_are_never_served_or_stored(client, case_study, django_user_model):
    read(client, case_study.url)
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "x")
    client.force_login(editor)
    response = client.get(case_study.url)
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert read(client, case_study.url)[0] == "hit"


def test_a_page_with_a_form_token_is_not_stored(
    client, case_study, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_private(fresh(case_study.pk))
    for _ in range(2):
        response = client.get(case_study.url)
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response["X-Page-Cache"] == "bypass"


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(client, case_study):
    read(client, case_study.url)
    client.cookies[CookieStorage.cookie_name] = "a message for this visitor"
    assert client.get(case_study.url)["X-Page-Cache"] == "bypass"


def test_posts_are_never_served_from_the_cache(client, case_study):
    read(client, case_study.url)
    assert client.post(case_study.url)["X-Page-Cache"] == "bypass"


def test_a_lost_generation_makes_every_stored_page_stale(client, case_study):
    read(client, case_study.url)
    cache.delete(GENERATION_KEY)
    assert read(client, case_study.url)[0] == "miss"


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "network_site.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "RETRY_SECONDS": 60},
        }
    }
)
def test_with_redis_down_pages_are_served_uncached(client, case_study, caplog):
    for _ in range(2):
        state, html = read(client, case_study.url)
        assert "Virtual planning meetings" in html
    assert "Cache unavailable" in caplog.text


def redis_available():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False
    return True


@pytest.fixture
def shared_redis_cache(settings):
    if not redis_available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; CI needs it.")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "network_site.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "page-cache-test",
        }
    }
    cache.clear()
    yield
    cache.clear()


def test_a_purge_by_another_process_reaches_this_one(client, case_study, shared_redis_cache):
    """What a cron job's `publish_scheduled` or a second app server does: it purges in its
    own process, through Redis, and this process serves the page afresh."""
    read(client, case_study.url)
    assert read(client, case_study.url)[0] == "hit"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
        "DJANGO_SECRET_KEY": "s" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "page-cache-test",
        "WAGTAILADMIN_BASE_URL": "https://example.org",
    }
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from network_site.page_cache import start_new_generation; start_new_generation()",
        ],
        cwd=BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
    )
    assert read(client, case_study.url)[0] == "miss"
