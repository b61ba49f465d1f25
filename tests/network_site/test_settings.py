"""Settings that protect production and the promise of no third-party requests."""

import os
import subprocess
import sys

from django.test import Client
from django.urls import reverse

import pytest

from home.models import HomePage
from network_site.settings.base import BASE_DIR

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
    "DJANGO_SECRET_KEY": "s" * 50,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
}


def manage(*arguments, **changes):
    """`manage.py` with the production settings and `changes` to their environment (a
    variable set to None is removed)."""
    env = {**os.environ, **PRODUCTION, **changes}
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - our interpreter, manage.py and fixed arguments
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_starts_with_what_it_needs():
    assert manage("check").returncode == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"DJANGO_SECRET_KEY": "x"}, "DJANGO_SECRET_KEY is too short"),
        ({"WAGTAILADMIN_BASE_URL": None}, "Set WAGTAILADMIN_BASE_URL"),
        ({"REDIS_URL": None}, "Set REDIS_URL"),
        ({"DJANGO_HTTPS": "false"}, "DJANGO_HTTPS=false is for serving on this machine only"),
    ],
)
def test_production_refuses_a_weak_key_or_a_missing_admin_address(changes, message):
    result = manage("check", **changes)
    assert result.returncode != 0
    assert message in result.stderr


def test_plain_http_is_allowed_on_this_machine_only_and_drops_the_secure_cookies():
    script = (
        "from django.conf import settings; "
        "print(settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, "
        "settings.SECURE_HSTS_SECONDS)"
    )
    local = manage("shell", "-c", script, DJANGO_HTTPS="false", DJANGO_ALLOWED_HOSTS="127.0.0.1")
    assert local.stdout.split()[-3:] == ["False", "False", "0"]
    assert manage("shell", "-c", script).stdout.split()[-3:] == ["True", "True", "31536000"]


def test_the_server_refuses_to_start_on_a_malformed_search_address():
    result = subprocess.run(  # noqa: S603 - our gunicorn, fixed arguments
        [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "--bind", "127.0.0.1:0"],
        cwd=BASE_DIR,
        env={**os.environ, **PRODUCTION, "ELASTICSEARCH_URL": "localhost:9200"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Not starting: the system checks failed" in result.stderr
    assert "search.E001" in result.stderr


def test_hsts_preload_is_the_operators_choice():
    script = "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)"
    assert manage("shell", "-c", script).stdout.split()[-1] == "False"
    chosen = manage("shell", "-c", script, DJANGO_HSTS_PRELOAD="true")
    assert chosen.stdout.split()[-1] == "True"


@pytest.mark.django_db
def test_the_admin_dashboard_does_not_ask_wagtail_for_new_releases(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Interactive Cities" in response.text
    assert "w-upgrade" not in response.text


@pytest.mark.django_db
def test_the_public_site_sends_a_strict_content_security_policy(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_is_left_to_wagtail_but_keeps_the_permissions_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_server_error_page_keeps_its_inline_styles(home, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "get_context", broken)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]
