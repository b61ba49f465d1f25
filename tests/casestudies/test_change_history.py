"""A case study's "last updated" date and public change history, edited through the admin."""

import datetime
import re

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from wagtail.models import Revision

from casestudies.models import CaseStudyPage
from tests.forms import case_study_form
from tests.pages import SitePageTestCase


def shown_date(moment):
    """A datetime as readers see it on the page."""
    return format_date(timezone.localtime(moment), "j F Y")


class TestChangeHistory(SitePageTestCase):
    """Editors publish changes with a summary; readers see the dates and the summaries."""

    def setUp(self):
        super().setUp()
        self.reader = Client()

    def create_case_study(self):
        """Create and publish a case study in the admin, as an editor does."""
        self.assertCanCreate(
            self.tartu.case_studies_section,
            CaseStudyPage,
            case_study_form("Virtual meetings", [self.themes["governance"]]),
        )
        return CaseStudyPage.objects.get()

    def edit(self, page, action=None, **fields):
        """Post the case study's edit form; without `action` this saves a draft."""
        data = case_study_form(page.title, [self.themes["governance"]], slug=page.slug, **fields)
        if action:
            data[f"action-{action}"] = action
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        self.assertEqual(response.status_code, 302, "the edit form was refused")

    def summary_in_edit_form(self, page):
        """What the editor finds in the change summary box on opening the page."""
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        return response.context["form"]["change_summary"].value()

    def history_on_page(self, page):
        """The (date, summary) lines of the change history a reader sees, top to bottom."""
        text = self.reader.get(page.url).text
        return re.findall(
            r'<li><time datetime="[-\d]+">([^<]+)</time> '
            r'<span class="change-history__summary">([^<]*)</span></li>',
            text,
        )

    def test_readers_see_the_last_update_and_each_change_newest_first(self):
        case_study = self.create_case_study()
        self.edit(case_study, "publish", change_summary="Added the results of 2018.")
        self.edit(case_study, "publish")
        case_study.refresh_from_db()

        today = shown_date(case_study.last_published_at)
        response = self.reader.get(case_study.url)
        self.assertContains(
            response,
            "Last updated <time datetime="
            f'"{timezone.localtime(case_study.last_published_at):%Y-%m-%d}">{today}</time>',
        )
        assert self.history_on_page(case_study) == [
            (today, "Small corrections"),
            (today, "Added the results of 2018."),
            (today, "First published"),
        ]

    def test_summaries_are_shown_as_text(self):
        case_study = self.create_case_study()
        self.edit(case_study, "publish", change_summary="<b>Fixed</b> the figures & dates")
        response = self.reader.get(case_study.url)
        self.assertContains(response, "&lt;b&gt;Fixed&lt;/b&gt; the figures &amp; dates")
        self.assertNotContains(response, "<b>Fixed</b>")

    def test_a_draft_summary_stays_private_until_the_draft_is_published(self):
        case_study = self.create_case_study()
        self.edit(case_study, change_summary="New figures for 2019.")
        self.assertNotContains(self.reader.get(case_study.url), "New figures for 2019.")
        assert [summary for _, summary in self.history_on_page(case_study)] == ["First published"]

        self.edit(case_study, "publish", change_summary="New figures for 2019.")
        assert [summary for _, summary in self.history_on_page(case_study)] == [
            "New figures for 2019.",
            "First published",
        ]

    def test_the_edit_form_offers_no_published_summary_but_keeps_a_pending_one(self):
        case_study = self.create_case_study()
        self.edit(case_study, "publish", change_summary="Added the results of 2018.")
        assert self.summary_in_edit_form(case_study) == ""

        # A partner submits a draft for review: the reviewing editor sees its summary.
        self.edit(case_study, "submit", change_summary="Lessons learned rewritten.")
        assert self.summary_in_edit_form(case_study) == "Lessons learned rewritten."
        self.edit(case_study, "publish", change_summary="Lessons learned rewritten.")
        assert self.summary_in_edit_form(case_study) == ""

        # Reverting to an older version does not offer that version's summary again.
        old_revision = Revision.objects.filter(
            object_id=str(case_study.pk), content__change_summary="Added the results of 2018."
        ).first()
        response = self.client.get(
            reverse("wagtailadmin_pages:revisions_revert", args=[case_study.pk, old_revision.pk])
        )
        assert response.context["form"]["change_summary"].value() == ""

    def test_republishing_an_unchanged_page_does_not_repeat_its_summary(self):
        case_study = self.create_case_study()
        self.edit(case_study, "publish", change_summary="Added the results of 2018.")
        bulk_publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        response = self.client.post(f"{bulk_publish}?id={case_study.pk}")
        self.assertEqual(response.status_code, 302)
        assert [summary for _, summary in self.history_on_page(case_study)] == [
            "Small corrections",
            "Added the results of 2018.",
            "First published",
        ]

    def test_a_scheduled_publication_appears_once_it_goes_live(self):
        case_study = self.create_case_study()
        next_week = timezone.localtime() + datetime.timedelta(days=7)
        self.edit(
            case_study,
            "publish",
            change_summary="Results of the spring meetings.",
            go_live_at=f"{next_week:%Y-%m-%d %H:%M}",
        )
        self.assertNotContains(self.reader.get(case_study.url), "Results of the spring")

        # Time passes: the scheduled revision's go-live moment is now in the past.
        revision = Revision.objects.get(approved_go_live_at__isnull=False)
        an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
        revision.approved_go_live_at = an_hour_ago
        revision.content["go_live_at"] = an_hour_ago.isoformat()
        revision.save()
        call_command("publish_scheduled", verbosity=0)

        case_study.refresh_from_db()
        assert self.history_on_page(case_study) == [
            (shown_date(case_study.last_published_at), "Results of the spring meetings."),
            (shown_date(case_study.first_published_at), "First published"),
        ]

    def test_the_page_reads_its_history_in_one_query_and_shows_the_ten_newest(self):
        case_study = self.create_case_study()
        self.reader.get(case_study.url)  # fills the site caches

        with CaptureQueriesContext(connection) as one_change:
            self.reader.get(case_study.url)
        page = CaseStudyPage.objects.get()
        for number in range(1, 13):
            page.change_summary = f"Change {number}."
            page.save_revision().publish()
        with CaptureQueriesContext(connection) as thirteen_changes:
            history = self.history_on_page(case_study)

        assert len(thirteen_changes) == len(one_change)
        assert [summary for _, summary in history] == [
            f"Change {number}." for number in range(12, 2, -1)
        ]
