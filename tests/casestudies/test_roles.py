"""`setup_roles` and `add_partner_city`: the groups, permissions and workflow they leave."""

import io

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data

import pytest
from wagtail_factories import ImageFactory

from casestudies.factories import CityPageFactory
from casestudies.models import CityPage
from casestudies.roles import partner_cities, setup_roles
from network_site.languages import language_codes, setup_languages
from network_site.models import SiteText
from tests.forms import city_form

pytestmark = pytest.mark.django_db


def snapshot():
    """Every group with its model, page and collection permissions, comparable as data."""
    return {
        group.name: (
            sorted(group.permissions.values_list("codename", flat=True)),
            sorted(group.page_permissions.values_list("page__title", "permission__codename")),
            sorted(
                group.collection_permissions.values_list(
                    "collection__name", "permission__codename"
                )
            ),
        )
        for group in Group.objects.all()
    }


def test_the_roles(roles, tartu, ghent, site_tree):
    groups = snapshot()
    assert set(groups) == {"Editors", "Partner – Ghent", "Partner – Tartu"}
    assert groups["Partner – Tartu"] == (
        ["access_admin", "submit_translation"],
        [("Tartu", "add_page"), ("Tartu", "change_page")],
        [
            ("Tartu", "add_document"),
            ("Tartu", "add_image"),
            ("Tartu", "choose_document"),
            ("Tartu", "choose_image"),
        ],
    )
    editor_pages = groups["Editors"][1]
    assert {title for title, _ in editor_pages} == {site_tree["home"].title}
    assert {codename for _, codename in editor_pages} >= {"publish_page", "bulk_delete_page"}
    workflow = Workflow.objects.get(name="Partner review", active=True)
    assert WorkflowPage.objects.get(workflow=workflow).page.pk == site_tree["cities"].pk
    # Wagtail's own default moderation is gone: nobody else may publish, no second review.
    assert not Group.objects.filter(name="Moderators").exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()


def test_running_again_changes_nothing_and_undoes_stray_grants(roles, tartu, tartu_partner):
    before = snapshot()
    tartu_group = Group.objects.get(name="Partner – Tartu")
    GroupPagePermission.objects.create(
        group=tartu_group,
        page=tartu.get_parent(),
        permission_id=GroupPagePermission.objects.filter(
            group__name="Editors", permission__codename="publish_page"
        ).values("permission")[:1],
    )
    call_command("setup_roles", stdout=io.StringIO())
    assert snapshot() == before
    assert list(tartu_partner.groups.values_list("name", flat=True)) == ["Partner – Tartu"]


def test_a_renamed_city_keeps_its_group_and_collection(roles, tartu):
    tartu.title = "Tartu (Dorpat)"
    tartu.save_revision().publish()
    setup_roles()
    assert Group.objects.filter(name="Partner – Tartu (Dorpat)").exists()
    assert not Group.objects.filter(name="Partner – Tartu").exists()
    assert Collection.objects.filter(name="Tartu (Dorpat)").count() == 1


def test_a_moderators_group_with_members_is_kept(site_tree, tartu, django_user_model):
    moderator = django_user_model.objects.create_user("moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    setup_roles()
    assert Group.objects.filter(name="Moderators").exists()


def test_add_partner_city_in_one_command(client, roles, django_user_model):
    output = io.StringIO()
    call_command(
        "add_partner_city",
        "Bilbao",
        "--country=es",
        "--latitude=43.263",
        "--longitude=-2.935",
        "--summary=A Basque port city.",
        stdout=output,
    )
    assert "saved as a draft" in output.getvalue()
    city = CityPage.objects.get(slug="bilbao")
    assert (city.country, city.live) == ("ES", False)
    group = Group.objects.get(name="Partner – Bilbao")
    assert Collection.objects.filter(name="Bilbao").exists()

    # Bilbao's staff can complete their city's profile and submit it, not publish it.
    partner = django_user_model.objects.create_user("partner-bilbao", "b@example.org", "x")
    partner.groups.add(group)
    client.force_login(partner)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[city.pk]),
        {
            **city_form("Bilbao", summary="The Basque city of the Guggenheim."),
            "slug": "bilbao",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    city.refresh_from_db()
    assert not city.live
    assert city.workflow_in_progress

    # Running it again leaves the page alone.
    call_command(
        "add_partner_city",
        "Bilbao",
        "--country=FR",
        "--latitude=1",
        "--longitude=1",
        "--summary=Other.",
        stdout=io.StringIO(),
    )
    assert CityPage.objects.get(slug="bilbao").country == "ES"


def test_add_partner_city_published_gets_its_sections(roles):
    call_command(
        "add_partner_city",
        "Bilbao",
        "--country=ES",
        "--latitude=43.263",
        "--longitude=-2.935",
        "--summary=A Basque port city.",
        "--publish",
        stdout=io.StringIO(),
    )
    city = CityPage.objects.get(slug="bilbao")
    assert city.live
    assert [page.slug for page in city.get_children().live()] == ["case-studies", "updates"]


def test_add_partner_city_refuses_bad_input_and_saves_nothing(roles):
    with pytest.raises(CommandError, match="country.*latitude"):
        call_command(
            "add_partner_city",
            "Atlantis",
            "--country=XX",
            "--latitude=95",
            "--longitude=0",
            "--summary=Sunk.",
        )
    assert not CityPage.objects.filter(slug="atlantis").exists()
    assert not Group.objects.filter(name="Partner – Atlantis").exists()


def test_partners_upload_into_their_own_collection_only(client, roles, tartu_partner):
    tartu_media = Collection.objects.get(name="Tartu")
    ghent_media = Collection.objects.get(name="Ghent")
    ImageFactory(title="Ghent harbour", collection=ghent_media)
    client.force_login(tartu_partner)

    def upload(collection, title):
        image_file = ImageFactory.build().file
        return client.post(
            reverse("wagtailimages:add"),
            nested_form_data({"title": title, "collection": collection.pk, "file": image_file}),
        )

    upload(ghent_media, "Into Ghent")
    upload(tartu_media, "Town hall square")
    images = get_image_model().objects
    # With one collection to upload to, Wagtail hides the field and uses it.
    assert images.get(title="Into Ghent").collection == tartu_media
    assert images.get(title="Town hall square").collection == tartu_media
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Town hall square" in chooser
    assert "Ghent harbour" not in chooser


def test_editors_change_the_site_text_and_partners_cannot(client, editor, tartu_partner):
    url = reverse("wagtailsettings:edit", args=["network_site", "sitetext", SiteText.load().pk])
    form = {
        "tagline": "Ten cities, one network",
        "footer_text": "About this site.",
        "licence_name": "CC BY-SA 4.0",
        "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }

    client.force_login(tartu_partner)
    client.post(url, form)
    assert "Ten cities, one network" not in client.get("/en/").content.decode()

    client.force_login(editor)
    assert client.post(url, form).status_code == 302
    client.logout()
    home = client.get("/en/").content.decode()
    assert "Ten cities, one network" in home
    assert "About this site." in home
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>' in home


def test_two_cities_of_one_name_each_keep_their_own_group_and_collection(roles, site_tree, tartu):
    other = CityPageFactory(
        parent=site_tree["cities"], title="Tartu", slug="tartu-2", country="EE"
    )
    setup_roles()
    before = snapshot()
    assert before["Partner – Tartu (tartu)"][1:] == (
        [("Tartu", "add_page"), ("Tartu", "change_page")],
        [
            ("Tartu (tartu)", "add_document"),
            ("Tartu (tartu)", "add_image"),
            ("Tartu (tartu)", "choose_document"),
            ("Tartu (tartu)", "choose_image"),
        ],
    )
    pages = GroupPagePermission.objects.filter(group__name="Partner – Tartu (tartu-2)")
    assert set(pages.values_list("page", flat=True)) == {other.pk}
    assert "Partner – Tartu" not in before
    setup_roles()
    assert snapshot() == before


def test_a_city_renamed_to_another_citys_name_keeps_its_group(roles, tartu, ghent):
    tartu.title = "Ghent"
    tartu.save_revision().publish()
    setup_roles()
    groups = snapshot()
    assert groups["Partner – Ghent (tartu)"][1] == [
        ("Ghent", "add_page"),
        ("Ghent", "change_page"),
    ]
    assert "Partner – Ghent (ghent)" in groups


@pytest.mark.parametrize("languages_first", [True, False], ids=["languages-first", "roles-first"])
def test_the_roles_cover_every_language(
    site_tree, tartu, ghent, django_user_model, languages_first
):
    """`make setup` makes the languages, then the roles; a language added later comes after
    the roles. Either way each partner group has its city in every language, the Editors
    the home page in every language, and the review is on every language's cities page."""
    if languages_first:
        setup_languages()
        setup_roles()
    else:
        setup_roles()
        setup_languages()

    def languages(page, **grant):
        pages = GroupPagePermission.objects.filter(**grant).values_list("page", flat=True)
        versions = page.get_translations(inclusive=True).filter(pk__in=pages)
        return sorted(versions.values_list("locale__language_code", flat=True))

    every_language = sorted(language_codes())
    for city in (tartu, ghent):
        for codename in ("add_page", "change_page"):
            grant = {"group__name": f"Partner – {city.title}", "permission__codename": codename}
            assert languages(city, **grant) == every_language
    editors = {"group__name": "Editors", "permission__codename": "publish_page"}
    assert languages(site_tree["home"], **editors) == every_language
    reviewed = WorkflowPage.objects.filter(workflow__name="Partner review")
    assert sorted(reviewed.values_list("page__locale__language_code", flat=True)) == (
        every_language
    )
    assert set(reviewed.values_list("page__translation_key", flat=True)) == {
        site_tree["cities"].translation_key
    }
    # One group per city, and a partner's dashboard shows their city once.
    before = snapshot()
    assert set(before) == {"Editors", "Partner – Ghent", "Partner – Tartu"}
    partner = django_user_model.objects.create_user("partner-tartu")
    partner.groups.add(Group.objects.get(name="Partner – Tartu"))
    assert list(partner_cities(partner)) == [tartu]
    setup_roles()
    assert snapshot() == before
