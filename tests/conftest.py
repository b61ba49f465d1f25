"""Shared fixtures: the site every page test needs, built with factories, once per module.

`site` builds the home page, the top-level sections, Tartu and Ghent (each with its two
sections) and the four themes once per test module, in a transaction that is rolled back
after the module. Each test runs in its own savepoint inside it (the `db` fixture), so
what one test changes is gone before the next. `site_tree`, `tartu`, `ghent` and `themes`
read their objects from the database for each test: an object kept from an earlier test
could still carry that test's changes (`unpublish()` sets `live=False` on the instance,
and the rollback does not undo that). `tests.pages.SitePageTestCase` builds the same site
once per class, with `setUpTestData`.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CityIndexPageFactory,
    CityPageFactory,
    UpdateIndexPageFactory,
)
from casestudies.roles import setup_roles
from home.factories import HomePageFactory
from network_site.factories import ThemeFactory
from network_site.models import Theme
from tests.database import prepare_test_database
from tests.demo_site import DemoSite
from toolkit.factories import ToolkitPageFactory

SECTIONS = ("home", "cities", "case_studies", "toolkit", "updates")


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


def build_themes():
    """The four URBACT areas, by slug."""
    return {
        slug: ThemeFactory(name=slug.title(), slug=slug, sort_order=order)
        for order, slug in enumerate(("governance", "environment", "inclusion", "economy"), 1)
    }


def build_site():
    """The site tree, Tartu and Ghent with their sections, and the four themes."""
    tree = build_site_tree()
    cities = tree["cities"]
    return {
        **tree,
        "tartu": CityPageFactory(parent=cities, title="Tartu", slug="tartu", country="EE"),
        "ghent": CityPageFactory(parent=cities, title="Ghent", slug="ghent", country="BE"),
        "themes": build_themes(),
    }


@contextmanager
def rolled_back(django_db_blocker):
    """A transaction for data that many tests share, rolled back when they are done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def fresh(pk):
    """A page as the database has it now."""
    return Page.objects.get(pk=pk).specific


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, made from the models; see tests/database.py."""
    with django_db_blocker.unblock():
        prepare_test_database()


@pytest.fixture(autouse=True)
def _english():
    """Every test starts in English: a request to /it/... leaves Italian active in the thread
    (LocaleMiddleware activates the request's language and nothing deactivates it)."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache is not rolled back with the database (Wagtail keeps the sites' root paths
    in it), so every test starts with it empty."""
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request for /et/... leaves Estonian active in the test's thread (LocaleMiddleware
    activates the language of each request and nothing deactivates it), so each test ends
    by going back to the default language, for the next one."""
    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The ids of the site's pages (`home`, `cities`, ..., `tartu`, `ghent`), built once
    for the module; see the module docstring."""
    with rolled_back(django_db_blocker):
        built = build_site()
        yield {name: built[name].pk for name in (*SECTIONS, "tartu", "ghent")}


@pytest.fixture
def site_tree(db, site):
    return {name: fresh(site[name]) for name in SECTIONS}


@pytest.fixture
def home(site_tree):
    return site_tree["home"]


@pytest.fixture
def tartu(db, site):
    return fresh(site["tartu"])


@pytest.fixture
def ghent(db, site):
    return fresh(site["ghent"])


@pytest.fixture
def themes(db, site):
    """The four URBACT areas, by slug."""
    return {theme.slug: theme for theme in Theme.objects.order_by("sort_order")}


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the session and rolled back after it.

    The tests that use it run after every other test that uses the database (see
    `pytest_collection_modifyitems`), so none of those runs with the demo content loaded.
    Each test runs in its own savepoint inside this transaction, so a test that changes
    something does not leak into the next one.
    """
    with rolled_back(django_db_blocker):
        call_command("load_demo_content", verbosity=0)
        yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Order the tests so that each shared thing is made once and has time to get ready.

    First the tests on the site the factories build; then the check of the test database
    against the demo site's migrated one, which is written in the background meanwhile;
    then the tests on the demo content, loaded once; last the browser tests, whose server
    has had the whole suite's time to get ready (tests/demo_site.py). This runs after
    pytest-django has put the tests that use the database first, and keeps that order
    otherwise."""

    def group(item):
        fixtures = getattr(item, "fixturenames", ())
        if "demo_server" in fixtures:
            return 3
        if "demo" in fixtures:
            return 2
        return 1 if "demo_site" in fixtures else 0

    items.sort(key=group)


DEMO_SITE = pytest.StashKey[DemoSite]()


def pytest_collection_finish(session):
    """Start the demo site in the background if a test needs it; serve it if a browser test
    is to run."""
    needed = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    if "demo_site" in needed and not session.config.option.collectonly:
        session.config.stash[DEMO_SITE] = DemoSite(serve="demo_server" in needed)


def pytest_sessionfinish(session):
    if DEMO_SITE in session.config.stash:
        session.config.stash[DEMO_SITE].stop()


@pytest.fixture(scope="session")
def demo_site(pytestconfig):
    """The demo site of tests/demo_site.py."""
    return pytestconfig.stash[DEMO_SITE]


@pytest.fixture
def roles(site_tree, tartu, ghent):
    """The Editors and the Tartu and Ghent partner groups, as `setup_roles` makes them."""
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
