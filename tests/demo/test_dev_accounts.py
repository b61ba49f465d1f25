"""The development accounts `make run` prints: created once, never in production."""

import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest


def signs_in(client, username, password):
    """Whether the admin's sign-in page accepts the username and password."""
    data = {"username": username, "password": password}
    response = client.post(reverse("wagtailadmin_login"), data)
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_refused_without_debug(roles, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_accounts")
    assert not get_user_model().objects.exists()


def test_an_admin_an_editor_and_a_partner_per_city(client, roles, settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("ensure_dev_accounts", stdout=output)
    assert "password 'interactive-cities'" in output.getvalue()
    users = get_user_model().objects.order_by("username")
    assert [
        (user.username, user.is_superuser, [g.name for g in user.groups.all()]) for user in users
    ] == [
        ("admin", True, []),
        ("editor", False, ["Editors"]),
        ("partner-ghent", False, ["Partner – Ghent"]),
        ("partner-tartu", False, ["Partner – Tartu"]),
    ]
    assert signs_in(client, "partner-tartu", "interactive-cities")


def test_the_password_comes_from_the_environment(client, roles, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEV_ACCOUNTS_PASSWORD", "another-one")
    call_command("ensure_dev_accounts", stdout=io.StringIO())
    assert signs_in(client, "editor", "another-one")


def test_an_existing_account_is_left_alone(roles, settings, django_user_model):
    settings.DEBUG = True
    django_user_model.objects.create_user(username="editor", password="chosen-by-me")
    output = io.StringIO()
    call_command("ensure_dev_accounts", stdout=output)
    assert "'editor' exists already and was left as it is" in output.getvalue()
    editor = django_user_model.objects.get(username="editor")
    assert editor.check_password("chosen-by-me")
    assert not editor.groups.exists()


def test_refused_on_a_database_that_is_not_the_development_one(roles, settings):
    settings.DEBUG = True
    settings.DEVELOPMENT_DATABASE = False
    with pytest.raises(CommandError, match="development database"):
        call_command("ensure_dev_accounts")
    assert not get_user_model().objects.exists()
