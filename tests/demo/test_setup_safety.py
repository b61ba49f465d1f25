"""Set-up cannot hurt production: the development settings refuse the production database,
and the demo content goes only into a development database."""

import io
import os
import subprocess
import sys

from django.core.management import CommandError, call_command

from wagtail.models import Page, Site

import pytest

from casestudies.models import CaseStudyPage
from network_site.settings.base import BASE_DIR

PRODUCTION_URL = "postgres://site:secret@db.example.org:5432/interactive_cities"


def run(command, **environment):
    """`command` in the repository with the environment of a shell where production
    variables were exported; the make variables of an enclosing `make test` are dropped."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "DEV_DATABASE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    }
    return subprocess.run(  # noqa: S603 - fixed commands
        command, cwd=BASE_DIR, env={**env, **environment}, capture_output=True, text=True
    )


def test_make_setup_refuses_an_exported_production_database():
    result = run(["make", "--no-print-directory", "setup"], DATABASE_URL=PRODUCTION_URL)
    assert result.returncode != 0
    assert "DATABASE_URL is set, and the development settings" in result.stderr
    assert "Roles:" not in result.stdout + result.stderr
    assert "Account 'admin' created" not in result.stdout + result.stderr


def test_the_development_settings_take_a_database_named_in_dev_database_url(tmp_path):
    manage = [sys.executable, "manage.py", "check"]
    settings = {"DJANGO_SETTINGS_MODULE": "network_site.settings.dev"}
    refused = run(manage, **settings, DATABASE_URL=PRODUCTION_URL)
    assert refused.returncode != 0
    assert "name a throwaway database in DEV_DATABASE_URL" in refused.stderr
    chosen = f"sqlite:///{tmp_path / 'dev.sqlite3'}"
    allowed = run(manage, **settings, DATABASE_URL=PRODUCTION_URL, DEV_DATABASE_URL=chosen)
    assert allowed.returncode == 0, allowed.stderr


@pytest.mark.django_db
def test_the_demo_content_is_refused_where_real_content_may_be(settings):
    settings.DEVELOPMENT_DATABASE = False
    with pytest.raises(CommandError, match="only loads into the development database"):
        call_command("load_demo_content", verbosity=0)
    assert list(Page.objects.filter(depth__gt=1).values_list("slug", flat=True)) == ["home"]
    assert not CaseStudyPage.objects.exists()


@pytest.mark.django_db
def test_the_demo_content_loads_only_into_an_empty_site(site_tree):
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert "Nothing loaded: the site has pages already" in output.getvalue()
    assert not CaseStudyPage.objects.exists()
    assert Site.objects.get(is_default_site=True).root_page_id == site_tree["home"].pk
