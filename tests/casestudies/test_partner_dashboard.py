"""What a partner sees in the admin: their own city's work, and none of another city's."""

from django.urls import reverse

from wagtail.models import Locale

import pytest
from wagtail_localize.operations import translate_object

from casestudies.factories import CaseStudyPageFactory, CityPageFactory, UpdatePageFactory
from casestudies.roles import setup_roles
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafts(tartu, ghent, themes):
    return {
        "tartu": CaseStudyPageFactory(
            parent=tartu.case_studies_section, title="Unfinished Tartu story", live=False
        ),
        "ghent": UpdatePageFactory(
            parent=ghent.updates_section, title="Unannounced Ghent news", live=False
        ),
    }


def test_the_dashboard_starts_from_the_partners_city(client, roles, tartu, tartu_partner, drafts):
    client.force_login(tartu_partner)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tartu: your city" in dashboard
    new_case_study = reverse(
        "wagtailadmin_pages:add",
        args=["casestudies", "casestudypage", tartu.case_studies_section.pk],
    )
    new_update = reverse(
        "wagtailadmin_pages:add", args=["casestudies", "updatepage", tartu.updates_section.pk]
    )
    assert f'href="{new_case_study}"' in dashboard
    assert f'href="{new_update}"' in dashboard
    drafts_list = dashboard[dashboard.index("Drafts not yet submitted") :]
    assert "Unfinished Tartu story" in drafts_list
    assert "Unannounced Ghent news" not in dashboard

    form = client.get(new_case_study).content.decode()
    assert "the page belongs to Tartu" in form


def test_a_draft_city_tells_its_partners_what_comes_first(client, site_tree, django_user_model):
    CityPageFactory(parent=site_tree["cities"], title="Bilbao", slug="bilbao", live=False)
    _, groups = setup_roles()
    partner = django_user_model.objects.create_user("partner-bilbao")
    partner.groups.add(next(group for group in groups if group.name == "Partner – Bilbao"))
    client.force_login(partner)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Bilbao is not published yet" in dashboard
    assert "Write a case study" not in dashboard


def test_editors_get_no_partner_panel(client, roles, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    dashboard = response.content.decode()
    assert "Site summary" in dashboard  # Wagtail's own panel: this is the dashboard.
    assert "your city" not in dashboard


@pytest.mark.parametrize(
    "url",
    [
        "/admin/case_studies/",
        "/admin/partner_updates/",
        "/admin/pages/search/?q=unannounced",
        "/admin/pages/search/?q=news",
    ],
)
def test_admin_lists_never_show_another_citys_drafts(client, roles, tartu_partner, drafts, url):
    client.force_login(tartu_partner)
    response = client.get(url)
    assert response.status_code == 200
    assert "Unannounced Ghent news" not in response.content.decode()


def test_the_page_chooser_hides_another_citys_drafts(client, roles, ghent, tartu_partner, drafts):
    client.force_login(tartu_partner)
    chooser = reverse("wagtailadmin_choose_page_child", args=[ghent.updates_section.pk])
    html = client.get(chooser).content.decode()
    assert "Unannounced Ghent news" not in html
    own = reverse("wagtailadmin_choose_page_child", args=[drafts["tartu"].get_parent().pk])
    assert "Unfinished Tartu story" in client.get(own).content.decode()


def test_site_wide_reports_are_not_for_partners(client, roles, tartu_partner, editor, drafts):
    """Wagtail's page types report names the last page edited anywhere, drafts included;
    wagtail-localize's translations report names every page being translated."""
    translate_object(drafts["ghent"], [Locale.objects.create(language_code="nl")])
    reports = {
        "Page types usage": reverse("wagtailadmin_reports:page_types_usage"),
        "Translations": reverse("wagtail_localize:translations_report"),
    }
    results = [
        reverse("wagtailadmin_reports:page_types_usage_results"),
        reverse("wagtail_localize:translations_report_results"),
    ]
    client.force_login(tartu_partner)
    for refused in (*reports.values(), *results):
        response = client.get(refused)
        assert response.status_code == 302
        assert "Unannounced Ghent news" not in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Page types usage" not in menu
    assert reports["Translations"] not in menu
    assert "Toolkit guides" not in menu
    client.force_login(editor)
    for url in reports.values():
        assert "Unannounced Ghent news" in client.get(url).content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Page types usage" in menu and "Toolkit guides" in menu
    assert reports["Translations"] in menu


def test_the_case_study_form_offers_only_guides_readers_can_see(
    client, roles, site_tree, tartu, tartu_partner
):
    GuidePageFactory(parent=site_tree["toolkit"], title="Published guide on live streams")
    GuidePageFactory(parent=site_tree["toolkit"], title="Embargoed guide", live=False)
    client.force_login(tartu_partner)
    form = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["casestudies", "casestudypage", tartu.case_studies_section.pk],
        )
    ).content.decode()
    assert "Published guide on live streams" in form
    assert "Embargoed guide" not in form


@pytest.mark.parametrize("action", ["move", "delete", "unpublish", "publish"])
def test_bulk_action_pages_name_only_pages_the_partner_may_change(
    client, roles, ghent, tartu_partner, editor, drafts, action
):
    """Wagtail's confirmation page lists every requested id with its draft title. Asked
    about no page the partner may change, it answers 404 (Wagtail's answer to no pages)."""
    ids = f"id={drafts['ghent'].pk}&id={drafts['tartu'].pk}"
    url = f"/admin/bulk/wagtailcore/page/{action}/"
    client.force_login(tartu_partner)
    own = client.get(f"{url}?{ids}")
    assert own.status_code == 200
    assert "Unfinished Tartu story" in own.content.decode()
    assert "Unannounced Ghent news" not in own.content.decode()
    for query in (f"id=all&childOf={ghent.updates_section.pk}", "id=abc&childOf=x"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 404, query
        assert "Unannounced Ghent news" not in response.content.decode(), query
    client.force_login(editor)
    assert "Unannounced Ghent news" in client.get(f"{url}?{ids}").content.decode()


def test_tag_suggestions_come_only_from_pages_the_partner_may_see(
    client, roles, ghent, tartu, tartu_partner, editor, drafts
):
    drafts["tartu"].tags.add("tartu-own-tag")
    drafts["tartu"].save()
    CaseStudyPageFactory(
        parent=ghent.case_studies_section, title="Ghent draft", live=False
    ).tags.add("ghent-secret-tag")
    live = CaseStudyPageFactory(parent=ghent.case_studies_section, title="Ghent live story")
    live.tags.add("ghent-public-tag")
    live.save()

    def suggestions(term):
        return client.get(reverse("wagtailadmin_tag_autocomplete"), {"term": term}).json()

    client.force_login(tartu_partner)
    assert suggestions("ghent") == ["ghent-public-tag"]
    assert suggestions("tartu") == ["tartu-own-tag"]
    client.force_login(editor)
    assert suggestions("ghent") == ["ghent-public-tag", "ghent-secret-tag"]
