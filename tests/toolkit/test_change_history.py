"""A guide's "last updated" date and public change history, edited through the admin."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from tests import forms
from tests.pages import SitePageTestCase
from toolkit.models import GuidePage


def guide_form(**extra):
    return forms.guide_form("Audit your channels", slug="audit-your-channels", **extra)


class TestGuideChangeHistory(SitePageTestCase):
    def test_readers_see_when_a_guide_changed_and_what_changed(self):
        self.assertCanCreate(self.tree["toolkit"], GuidePage, guide_form())
        guide = GuidePage.objects.get()
        data = guide_form(change_summary="Added a step on moderation.")
        data["action-publish"] = "action-publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), data)
        self.assertEqual(response.status_code, 302, "the edit form was refused")

        guide.refresh_from_db()
        published = timezone.localtime(guide.last_published_at)
        page = Client().get(guide.url)
        self.assertContains(
            page,
            f'Last updated <time datetime="{published:%Y-%m-%d}">'
            f"{format_date(published, 'j F Y')}</time>",
        )
        text = page.text
        assert text.index("Added a step on moderation.") < text.index("First published")
