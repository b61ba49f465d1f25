"""A partner's case study goes public only when an editor approves it.

The whole path runs through the admin as the two people would use it: the partner writes
and submits, the editor sends it back with a comment, the partner sees why, fixes it and
submits again, and the editor approves. Readers see nothing of it until then: not the
page, not in the listings or search, the search API or the feeds. A partner's translation
goes through the same review.
"""

import datetime
import html
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, WorkflowState

import pytest
from wagtail_localize.models import StringSegment, Translation

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from network_site.languages import setup_languages
from tests.forms import case_study_form

pytestmark = pytest.mark.django_db

TITLE = "Neighbourhood budgets decided on Telegram"


def public_places(client, tartu):
    """Every public place a case study shows up in, as the text a reader gets."""
    urls = [
        "/en/case-studies/",
        "/en/case-studies/feed/",
        tartu.url,
        f"{tartu.url}case-studies/",
        f"{tartu.url}case-studies/feed/",
        "/en/search/?q=telegram",
        "/en/api/search/?q=telegram",
    ]
    return {url: client.get(url).content.decode() for url in urls}


def task_state_id(page):
    state = WorkflowState.objects.for_instance(page).get(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    )
    return state.current_task_state_id


def test_submission_is_private_until_an_editor_approves(
    client, tartu, themes, editor, tartu_partner, django_capture_on_commit_callbacks
):
    section = tartu.case_studies_section
    add_url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk])

    # The partner writes a case study and submits it for review.
    client.force_login(tartu_partner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            add_url,
            {
                **case_study_form(TITLE, [themes["governance"]]),
                "slug": "telegram-budgets",
                "action-submit": "submit",
            },
        )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    page = CaseStudyPage.objects.get(slug="telegram-budgets")
    assert not page.live
    assert page.city == tartu
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert TITLE in mail.outbox[0].body
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Waiting for review" in dashboard and TITLE in dashboard

    # Nothing of it is public.
    client.logout()
    assert client.get("/en/cities/tartu/case-studies/telegram-budgets/").status_code == 404
    for url, text in public_places(client, tartu).items():
        assert TITLE not in text and "Telegram" not in text, url

    # The editor sends it back with a comment.
    mail.outbox.clear()
    client.force_login(editor)
    comment = "Please add when the budgets started and how many people voted."
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", task_state_id(page)],
        ),
        {"comment": comment},
    )
    assert response.status_code == 302
    assert not CaseStudyPage.objects.get(pk=page.pk).live
    assert [message.to for message in mail.outbox] == [["partner-tartu@example.org"]]
    assert mail.outbox[0].subject == f'Changes requested: "{TITLE}"'
    assert f'Their comment: "{comment}"' in mail.outbox[0].body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in mail.outbox[0].body

    # The partner sees why on their dashboard, changes the page and submits it again.
    client.force_login(tartu_partner)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    sent_back = dashboard[dashboard.index("Sent back for changes") :]
    assert TITLE in sent_back and comment in sent_back
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        edit_url,
        {
            **case_study_form(TITLE, [themes["governance"]], start_year="2017"),
            "slug": "telegram-budgets",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(page).get(status="in_progress")

    # The editor approves: now it is public everywhere.
    mail.outbox.clear()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", task_state_id(page)],
            )
        )
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live and page.start_year == 2017
    assert [message.to for message in mail.outbox] == [["partner-tartu@example.org"]]
    client.logout()
    assert TITLE in client.get(page.url).content.decode()
    for url, text in public_places(client, tartu).items():
        assert TITLE in text, url


def test_a_partner_cannot_publish_past_the_review(client, tartu, themes, tartu_partner):
    section = tartu.case_studies_section
    client.force_login(tartu_partner)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk])
    )
    form_page = response.content.decode()
    assert "Submit to Partner review" in form_page
    assert 'name="action-publish"' not in form_page
    client.post(
        reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk]),
        {
            **case_study_form(TITLE, [themes["governance"]]),
            "slug": "telegram-budgets",
            "action-publish": "publish",
        },
    )
    assert not CaseStudyPage.objects.get(slug="telegram-budgets").live


def test_editors_schedule_publishing(
    client, tartu, themes, editor, django_capture_on_commit_callbacks
):
    """An approved or edited page can go live later: the editor sets "Go-live date" and
    publishes; `manage.py publish_scheduled` (run every minute in production) makes it live."""
    section = tartu.case_studies_section
    client.force_login(editor)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", section.pk]),
        {
            **case_study_form(TITLE, [themes["governance"]]),
            "slug": "telegram-budgets",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="telegram-budgets")
    revision = page.latest_revision
    assert not page.live
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    assert not CaseStudyPage.objects.get(pk=page.pk).live

    two_days_later = timezone.now() + datetime.timedelta(days=2, minutes=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=two_days_later),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("publish_scheduled")
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live
    client.logout()
    assert TITLE in client.get("/en/case-studies/").content.decode()


def type_translation(client, translation, path, text):
    """Type `text` for the source's `path` field in the translation editor, which saves each
    string as it is typed."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={text}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def test_a_partners_translation_is_private_until_an_editor_approves(
    client, tartu, themes, editor, tartu_partner, django_capture_on_commit_callbacks
):
    english = CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Open council meetings", slug="open-council"
    )
    setup_languages()
    estonian_locale = Locale.objects.get(language_code="et")

    # The partner starts the Estonian translation: the translation editor opens, with
    # "Submit for review" and without "Publish".
    client.force_login(tartu_partner)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[english.pk]),
        {"locales": [estonian_locale.pk]},
    )
    estonian = english.get_translation(estonian_locale)
    editor_url = reverse("wagtailadmin_pages:edit", args=[estonian.pk])
    assert response.url == editor_url
    translation_editor = html.unescape(client.get(editor_url).content.decode())
    assert "Submit the Estonian translation for review" in translation_editor
    assert '"canPublish": false' in translation_editor
    assert '"convertToAliasUrl": null' in translation_editor

    # They translate the title and submit: the editors are told, readers see no change.
    translation = Translation.objects.get(source__object_id=english.translation_key)
    type_translation(client, translation, "title", "Avalikud volikogu istungid")
    submit_url = reverse("submit_translation_for_review", args=[estonian.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url)
    assert response.url == reverse("wagtailadmin_home")
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    waiting = dashboard[dashboard.index("Waiting for review") :]
    assert "Avalikud volikogu istungid" in waiting and "Estonian translation" in waiting
    client.logout()
    assert "Avalikud" not in client.get(estonian.url).content.decode()

    # The editor sends it back; the partner corrects it and submits it again.
    client.force_login(editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[estonian.pk, "reject", task_state_id(estonian)],
        ),
        {"comment": "Say 'volikogu avatud istungid'."},
    )
    client.force_login(tartu_partner)
    assert "sent this Estonian translation back" in client.get(editor_url).content.decode()
    type_translation(client, translation, "title", "Volikogu avatud istungid")
    client.post(submit_url)
    assert WorkflowState.objects.for_instance(estonian).get().status == "in_progress"

    # The editor approves: readers get the Estonian page, English stays as it was.
    client.force_login(editor)
    translation_editor = html.unescape(client.get(editor_url).content.decode())
    assert '"canPublish": true' in translation_editor
    assert "Submit the" not in translation_editor
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[estonian.pk, "approve", task_state_id(estonian)],
            )
        )
    client.logout()
    assert "Volikogu avatud istungid" in client.get(estonian.url).content.decode()
    assert "Open council meetings" in client.get(english.url).content.decode()
