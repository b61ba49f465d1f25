"""Shared fixtures: the site tree every page test needs, built with factories."""

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page, Site

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CityIndexPageFactory,
    CityPageFactory,
    UpdateIndexPageFactory,
)
from home.factories import HomePageFactory
from network_site.factories import ThemeFactory
from toolkit.factories import ToolkitPageFactory


def build_home():
    """The home page, served as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.objects.get(pk=root.pk))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


def build_site_tree(home=None):
    """The home page and the top-level sections: cities, case studies, toolkit, updates."""
    home = home or build_home()
    return {
        "home": home,
        "cities": CityIndexPageFactory(parent=home),
        "case_studies": CaseStudyIndexPageFactory(parent=home),
        "toolkit": ToolkitPageFactory(parent=home),
        "updates": UpdateIndexPageFactory(parent=home),
    }


@pytest.fixture
def home(db):
    return build_home()


@pytest.fixture
def site_tree(home):
    return build_site_tree(home)


@pytest.fixture
def tartu(site_tree):
    return CityPageFactory(parent=site_tree["cities"], title="Tartu", slug="tartu", country="EE")


@pytest.fixture
def ghent(site_tree):
    return CityPageFactory(parent=site_tree["cities"], title="Ghent", slug="ghent", country="BE")


@pytest.fixture
def themes(db):
    """The four URBACT areas, by slug."""
    return {
        slug: ThemeFactory(name=slug.title(), slug=slug, sort_order=order)
        for order, slug in enumerate(("governance", "environment", "inclusion", "economy"), 1)
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this module and rolled back after it.

    Each test runs in its own savepoint inside this transaction, so a test that changes
    something does not leak into the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        yield
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def roles(site_tree, tartu, ghent):
    """The Editors and the Tartu and Ghent partner groups, as `setup_roles` makes them."""
    from casestudies.roles import setup_roles

    editors, partner_groups = setup_roles()
    return {"editors": editors, **{group.name: group for group in partner_groups}}


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(roles, django_user_model):
    return make_user(django_user_model, "editor", roles["editors"])


@pytest.fixture
def tartu_partner(roles, django_user_model):
    return make_user(django_user_model, "partner-tartu", roles["Partner – Tartu"])
