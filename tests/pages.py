"""A base class for page tests: Wagtail's page assertions on the shared test site."""

import json
import re
from collections import defaultdict
from html import unescape

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from tests.conftest import SECTIONS, build_site

CARD_OR_LIST_ITEM = re.compile(
    r"<article\b.*?</article>|<li\b[^>]*>(?:(?!<li\b|</li>).)*</li>", re.DOTALL
)
LINK = re.compile(r'href="([^"]+)"')
BADGE = re.compile(r'<span class="badge badge--(\w+)">([^<]+)</span>')


def badges_by_link(html):
    """The provenance badges a reader sees next to each link of a page, by link URL.

    A card (an <article>) or a list item holding no other list is one unit: the badges in it
    are the badges of the page its links go to. A URL linked from several places gets the
    badges of each, in order, as (level, label) pairs; a link with no badge gets none.
    """
    badges = defaultdict(list)
    for block in CARD_OR_LIST_ITEM.finditer(html):
        found = [
            (level, label)
            for level, label in BADGE.findall(block.group())
            if level in ("documented", "mixed", "sample")
        ]
        for url in LINK.findall(block.group()):
            badges[url].extend(found)
    return badges


class SitePageTestCase(WagtailPageTestCase):
    """Runs with the site of `tests.conftest.build_site`, built once for the class; each
    test is logged in as a superuser.

    `self.tree`, `self.tartu`, `self.ghent` and `self.themes` are the class's objects;
    Django gives each test its own copy of them, so a change one test makes to them in
    memory is not seen by the next.
    """

    @classmethod
    def setUpTestData(cls):
        site = build_site()
        cls.tree = {name: site[name] for name in SECTIONS}
        cls.tartu = site["tartu"]
        cls.ghent = site["ghent"]
        cls.themes = site["themes"]

    def setUp(self):
        super().setUp()
        # Not `self.login()`: it signs in without a request, which django-axes refuses.
        self.client.force_login(self.create_test_user())

    def assertCanPreviewNew(self, parent, model, data, *texts):
        """Preview a page before its first save, as an editor does, and see `texts` in it."""
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        response = self.client.post(url, data)
        self.assertEqual(json.loads(response.content), {"is_valid": True, "is_available": True})
        preview = self.client.get(url)
        self.assertEqual(preview.status_code, 200)
        for text in texts:
            self.assertContains(preview, text)

    def assertCanPreviewChanges(self, page, data, *texts):
        """Preview unsaved changes to an existing page and see `texts` in the preview."""
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        response = self.client.post(url, data)
        self.assertEqual(json.loads(response.content), {"is_valid": True, "is_available": True})
        preview = self.client.get(url)
        self.assertEqual(preview.status_code, 200)
        for text in texts:
            self.assertContains(preview, text)

    def assertCanPreviewAndCreate(self, parent, model, data, *texts):
        """Preview a new page, then create and publish it through the admin."""
        self.assertCanPreviewNew(parent, model, dict(data), *texts)
        self.assertCanCreate(parent, model, data)

    def assertRendersWith(self, page, *texts):
        """The page renders for a reader and shows `texts`."""
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        for text in texts:
            self.assertContains(response, text)


def alternates(html):
    """{hreflang: href} of the page's `<link rel="alternate" hreflang>` links."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"\s+href="([^"]+)"', html))


def feed_links(html):
    """[(title, href)] of the page's Atom autodiscovery links (`<link rel="alternate"
    type="application/atom+xml">`), with the HTML entities of the attributes decoded."""
    found = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">', html
    )
    return [(unescape(title), unescape(href)) for title, href in found]
