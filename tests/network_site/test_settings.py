"""Settings that protect production and the promise of no third-party requests."""

import os
import subprocess
import sys

from django.urls import reverse

import pytest

from network_site.settings.base import BASE_DIR

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
    "DJANGO_SECRET_KEY": "s" * 50,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
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
    ],
)
def test_production_refuses_a_weak_key_or_a_missing_admin_address(changes, message):
    result = manage("check", **changes)
    assert result.returncode != 0
    assert message in result.stderr


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
