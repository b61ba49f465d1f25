"""Who may do what, tried through the real admin as each role would.

Every cell of the matrix logs in as an editor or as Tartu's partner and sends the request
the admin's own buttons send. An allowed cell must change the database as the user meant;
a refused cell must be answered with 403 or a redirect and change nothing. (What each role
may do with translations is the matrix of `test_translation_matrix.py`, on this network in
its ten languages.)

Two cells need a word:
- A partner who presses "Publish" on their own city's page gets a draft saved, as Wagtail
  does when the user may not publish, so "refused" there means the live page and what
  readers see are unchanged.
- Moving a page that can live in one place only (a city, a guide, the toolkit, the home
  page) has no destination to try, so the cell asks for the move screen itself.
"""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    CityIndexPageFactory,
    CityPageFactory,
    UpdatePageFactory,
)
from casestudies.models import CaseStudyPage, CityPage, UpdatePage
from casestudies.roles import setup_roles
from home.factories import HomePageFactory
from home.models import HomePage
from network_site.factories import ChannelFactory, ThemeFactory
from network_site.models import Channel, Theme
from tests.forms import (
    case_study_form,
    city_form,
    guide_form,
    home_form,
    toolkit_form,
    update_form,
)
from toolkit.factories import CuratedCollectionFactory, GuidePageFactory, ToolkitPageFactory
from toolkit.models import CuratedCollection, GuidePage, ToolkitPage

pytestmark = pytest.mark.django_db

DRAFT_MARK = "Pending draft"


def live_with_draft(page):
    """Give a live page a newer, unpublished revision with a recognisable title."""
    draft = page.get_latest_revision_as_object()
    draft.title = f"{DRAFT_MARK} of {page.title}"
    draft.save_revision()
    return page


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """The ids of what `build_network` makes, built once.

    Each test runs in a savepoint inside this transaction and is rolled back, so the
    tests see the same starting point. They look pages up again by id.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_network()
        transaction.set_rollback(True)
    cache.clear()


def build_network():
    """Tartu and Ghent with content, the toolkit, snippets, the roles and three users: an
    editor, Tartu's partner and Ghent's; their ids by name."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.objects.get(pk=root.pk))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    cities = CityIndexPageFactory(parent=home)
    CaseStudyIndexPageFactory(parent=home)
    toolkit = ToolkitPageFactory(parent=home)
    theme = ThemeFactory(name="Governance", slug="governance")
    ids = {"home": home.pk, "cities": cities.pk, "toolkit": toolkit.pk, "theme": theme.pk}
    for slug in ("tartu", "ghent"):
        city = CityPageFactory(parent=cities, title=slug.title(), slug=slug)
        ids[f"{slug}_city"] = live_with_draft(city).pk
        ids[f"{slug}_case_studies"] = city.case_studies_section.pk
        ids[f"{slug}_updates"] = city.updates_section.pk
        case_study = CaseStudyPageFactory(
            parent=city.case_studies_section, title=f"{city.title} hearings", themes=[theme]
        )
        ids[f"{slug}_case_study"] = live_with_draft(case_study).pk
        update = UpdatePageFactory(parent=city.updates_section, title=f"{city.title} news")
        ids[f"{slug}_update"] = live_with_draft(update).pk
        never_published = CaseStudyPageFactory(
            parent=city.case_studies_section,
            title=f"{DRAFT_MARK} of {city.title}'s new practice",
            themes=[theme],
            live=False,
        )
        ids[f"{slug}_unpublished"] = never_published.pk
    ids["guide"] = live_with_draft(GuidePageFactory(parent=toolkit, title="Audit")).pk
    live_with_draft(toolkit)
    live_with_draft(home)
    ids["channel"] = ChannelFactory(name="Facebook", slug="facebook").pk
    ids["collection"] = CuratedCollectionFactory(
        title="Start here", slug="start-here", pages=[Page.objects.get(pk=ids["guide"])]
    ).pk
    editors, partner_groups = setup_roles()
    groups = {group.name: group for group in partner_groups}
    users = get_user_model().objects
    editor = users.create_user("editor", "editor@example.org", "x")
    editor.groups.add(editors)
    partner = users.create_user("partner-tartu", "partner-tartu@example.org", "x")
    partner.groups.add(groups["Partner – Tartu"])
    ghent_partner = users.create_user("partner-ghent", "partner-ghent@example.org", "x")
    ghent_partner.groups.add(groups["Partner – Ghent"])
    ids["editor"], ids["partner"] = editor.pk, partner.pk
    ids["ghent partner"] = ghent_partner.pk
    return ids


# Where each kind of page is created, its form, and where it may be moved to.
PAGE_TARGETS = {
    "own case study": ("tartu_case_study", "tartu_case_studies", "ghent_case_studies"),
    "own update": ("tartu_update", "tartu_updates", "ghent_updates"),
    "own unpublished case study": (
        "tartu_unpublished",
        "tartu_case_studies",
        "ghent_case_studies",
    ),
    "own city page": ("tartu_city", "cities", None),
    "other city's case study": ("ghent_case_study", "ghent_case_studies", "tartu_case_studies"),
    "other city's update": ("ghent_update", "ghent_updates", "tartu_updates"),
    "other city page": ("ghent_city", "cities", None),
    "toolkit guide": ("guide", "toolkit", None),
    "toolkit page": ("toolkit", None, None),
    "home page": ("home", None, None),
}

Y, N = "allowed", "refused"
ACTIONS = ("view draft", "create", "edit", "publish", "delete", "move")
# fmt: off
PAGE_MATRIX = {
    #                                     view   create edit  publish delete move
    ("editor", "own case study"):             (Y, Y, Y, Y, Y, Y),
    ("editor", "own update"):                 (Y, Y, Y, Y, Y, Y),
    ("editor", "own unpublished case study"): (Y, Y, Y, Y, Y, Y),
    ("editor", "own city page"):              (Y, Y, Y, Y, Y, Y),
    ("editor", "other city's case study"):    (Y, Y, Y, Y, Y, Y),
    ("editor", "other city's update"):        (Y, Y, Y, Y, Y, Y),
    ("editor", "other city page"):            (Y, Y, Y, Y, Y, Y),
    ("editor", "toolkit guide"):              (Y, Y, Y, Y, Y, Y),
    ("editor", "toolkit page"):               (Y, None, Y, Y, Y, Y),
    ("editor", "home page"):                  (Y, None, Y, Y, N, N),
    ("partner", "own case study"):            (Y, Y, Y, N, N, N),
    ("partner", "own update"):                (Y, Y, Y, N, N, N),
    ("partner", "own unpublished case study"): (Y, Y, Y, N, Y, N),
    ("partner", "own city page"):             (Y, N, Y, N, N, N),
    ("partner", "other city's case study"):   (N, N, N, N, N, N),
    ("partner", "other city's update"):       (N, N, N, N, N, N),
    ("partner", "other city page"):           (N, N, N, N, N, N),
    ("partner", "toolkit guide"):             (N, N, N, N, N, N),
    ("partner", "toolkit page"):              (N, None, N, N, N, N),
    ("partner", "home page"):                 (N, None, N, N, N, N),
}
# fmt: on
# None: nothing of that kind can be created there (the toolkit and the home page are
# one of a kind, and so is every page type the home page may hold).


def page_cells():
    for (role, target), expectations in PAGE_MATRIX.items():
        for action, expected in zip(ACTIONS, expectations, strict=True):
            if expected is not None:
                yield pytest.param(role, target, action, expected, id=f"{role}-{target}-{action}")


def form_for(page, title, theme):
    """The editor form data for `page` with a new title (and its own slug)."""
    builders = {
        CaseStudyPage: lambda: case_study_form(title, [theme]),
        UpdatePage: lambda: update_form(title),
        CityPage: lambda: city_form(title),
        GuidePage: lambda: guide_form(title),
        ToolkitPage: lambda: toolkit_form(title),
        HomePage: lambda: home_form(title),
    }
    return {**builders[type(page)](), "slug": page.slug}


def assert_refused(response):
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url.startswith(reverse("wagtailadmin_home"))


def live(pk):
    return Page.objects.get(pk=pk).specific


@pytest.mark.parametrize(("role", "target", "action", "expected"), list(page_cells()))
def test_pages(client, network, role, target, action, expected):
    client.force_login(get_user(network[role]))
    page_key, parent_key, destination_key = PAGE_TARGETS[target]
    page = live(network[page_key])
    theme = Theme.objects.get(pk=network["theme"])
    allowed = expected == Y
    new_title = f"Changed by the {role}"

    if action == "view draft":
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        if allowed:
            assert response.status_code == 200
            assert DRAFT_MARK in response.content.decode()
        else:
            assert_refused(response)
            assert DRAFT_MARK not in response.content.decode()

    elif action == "create":
        parent = live(network[parent_key])
        model = type(page)
        data = {**form_for(page, new_title, theme), "slug": "made-by-test"}
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        response = client.post(url, data)
        created = model.objects.child_of(parent).filter(slug="made-by-test")
        if allowed:
            assert response.status_code == 302, (
                response.context and response.context["form"].errors
            )
            assert created.get().draft_title == new_title
            assert not created.get().live
        else:
            assert_refused(response)
            assert not created.exists()

    elif action in ("edit", "publish"):
        before = page.latest_revision_id
        data = form_for(page, new_title, theme)
        if action == "publish":
            data["action-publish"] = "action-publish"
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        after = live(page.pk)
        if action == "edit" and allowed:
            assert response.status_code == 302
            assert after.get_latest_revision_as_object().title == new_title
            if page.live:
                assert after.title == page.title  # Saving a draft changes nothing public.
        elif action == "edit":
            assert_refused(response)
            assert after.latest_revision_id == before
        elif allowed:
            assert response.status_code == 302
            assert (after.title, after.live) == (new_title, True)
        else:
            assert after.live == page.live
            if page.live:
                assert after.title == page.title
                assert page.title in client.get(page.url).content.decode()

    elif action == "delete":
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        if allowed:
            assert response.status_code == 302
            assert not Page.objects.filter(pk=page.pk).exists()
        else:
            assert_refused(response)
            assert Page.objects.filter(pk=page.pk).exists()

    elif action == "move" and destination_key:
        destination = live(network[destination_key])
        url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
        response = client.post(url)
        moved = live(page.pk)
        if allowed:
            assert response.status_code == 302
            assert moved.get_parent().pk == destination.pk
            if isinstance(moved, CaseStudyPage):
                assert moved.city.slug == destination.get_parent().slug
        else:
            assert_refused(response)
            assert moved.get_parent().pk == page.get_parent().pk

    elif action == "move":
        response = client.get(reverse("wagtailadmin_pages:move", args=[page.pk]))
        if allowed:
            assert response.status_code == 200
            assert f"Move {page.get_admin_display_title()}" in response.content.decode()
        else:
            assert_refused(response)


def get_user(pk):
    return get_user_model().objects.get(pk=pk)


def collection_form(title, slug, network):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "Read these first.",
            "items": inline_formset([{"page": network["tartu_case_study"]}]),
        }
    )


# Each snippet: its model, the field readers see it by, and its form data.
SNIPPETS = {
    "theme": (
        Theme,
        "name",
        lambda name, slug, network: {"name": name, "slug": slug, "sort_order": "5"},
    ),
    "channel": (
        Channel,
        "name",
        lambda name, slug, network: {"name": name, "slug": slug, "kind": "social-media"},
    ),
    "collection": (CuratedCollection, "title", collection_form),
}
SNIPPET_ACTIONS = ("list", "create", "edit", "delete")
SNIPPET_MATRIX = {
    ("editor", "theme"): (Y, Y, Y, Y),
    ("editor", "channel"): (Y, Y, Y, Y),
    ("editor", "collection"): (Y, Y, Y, Y),
    ("partner", "theme"): (N, N, N, N),
    ("partner", "channel"): (N, N, N, N),
    ("partner", "collection"): (N, N, N, N),
}


def snippet_cells():
    for (role, snippet), expectations in SNIPPET_MATRIX.items():
        for action, expected in zip(SNIPPET_ACTIONS, expectations, strict=True):
            yield pytest.param(role, snippet, action, expected, id=f"{role}-{snippet}-{action}")


@pytest.mark.parametrize(("role", "snippet", "action", "expected"), list(snippet_cells()))
def test_snippets(client, network, role, snippet, action, expected):
    client.force_login(get_user(network[role]))
    model, label, form = SNIPPETS[snippet]
    existing = model.objects.get(pk=network[snippet])
    name = getattr(existing, label)
    opts = model._meta
    url_name = f"wagtailsnippets_{opts.app_label}_{opts.model_name}"
    rows_before = list(model.objects.values())
    allowed = expected == Y

    if action == "list":
        response = client.get(reverse(f"{url_name}:list"))
        if allowed:
            assert response.status_code == 200
            assert name in response.content.decode()
        else:
            assert_refused(response)
        return
    if action == "create":
        data = form("Added by test", "added-by-test", network)
        response = client.post(reverse(f"{url_name}:add"), data)
    elif action == "edit":
        data = form(f"{name} renamed", existing.slug, network)
        response = client.post(reverse(f"{url_name}:edit", args=[existing.pk]), data)
    else:
        response = client.post(reverse(f"{url_name}:delete", args=[existing.pk]))

    if not allowed:
        assert_refused(response)
        assert list(model.objects.values()) == rows_before
    elif action == "create":
        assert response.status_code == 302
        assert model.objects.filter(slug="added-by-test").exists()
    elif action == "edit":
        assert response.status_code == 302
        assert getattr(model.objects.get(pk=existing.pk), label) == f"{name} renamed"
    else:
        assert response.status_code == 302
        assert not model.objects.filter(pk=existing.pk).exists()
