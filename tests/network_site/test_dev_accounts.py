"""The development admin account `make run` prints: created once, never in production."""

import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest


def test_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()


def test_created_with_the_documented_password(client, db, settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("ensure_dev_admin", stdout=output)
    assert "user 'admin', password 'interactive-cities'" in output.getvalue()
    assert client.login(username="admin", password="interactive-cities")


def test_an_existing_account_is_left_alone(db, settings, django_user_model):
    settings.DEBUG = True
    django_user_model.objects.create_user(username="admin", password="chosen-by-me")
    output = io.StringIO()
    call_command("ensure_dev_admin", stdout=output)
    assert "exists already and was left as it is" in output.getvalue()
    assert django_user_model.objects.get(username="admin").check_password("chosen-by-me")
