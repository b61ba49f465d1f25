"""The sitemap (/sitemap.xml): every page readers may see, in each language it is really
written in, with its language versions and the date it last changed.

The pages are those of the one reader rule (`readable()`), so a draft, a private page or a
page of an unpublished city is never listed. A language's version is listed when it is
the English page or a published translation (`in_their_own_language()`); an alias (a page
not yet translated, shown at /it/... with the English content and a notice) is not: it is
the English page again, whose address the sitemap gives, and its canonical address is the
English page's (`network_site.findable`). Each page lists the same `hreflang` alternates
as its <head>: every listed version of it, and `x-default`, the address without a
language.

All of it is read in one query, whatever the number of pages. Django's sitemap view
serves up to 50,000 addresses per page (`?p=2` for the next).
"""

from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap

from .languages import SOURCE_LANGUAGE, in_their_own_language, language_codes, unprefixed
from .pages import readable_pages


@dataclass
class Entry:
    """One address of the sitemap."""

    url: str
    last_modified: object
    translation_key: object
    alternates: list


def sitemap_entries(request):
    """The sitemap's `Entry`s for the site `request` was made to, in tree order."""
    pages = (
        in_their_own_language(readable_pages().filter(depth__gt=1))
        .select_related("locale")
        .only("url_path", "translation_key", "last_published_at", "locale")
        .order_by("path")
    )
    order = {code: position for position, code in enumerate(language_codes())}
    entries, versions = [], {}
    for page in pages:
        language = page.locale.language_code
        url = page.get_url(request)
        if url is None or not url.startswith("/"):  # Not routable, or another site's page.
            continue
        entries.append(Entry(url, page.last_published_at, page.translation_key, []))
        versions.setdefault(page.translation_key, []).append((order[language], language, url))
    for entry in entries:
        found = sorted(versions[entry.translation_key])
        entry.alternates = [(language, url) for _order, language, url in found]
        english = [url for _order, language, url in found if language == SOURCE_LANGUAGE]
        if english:
            entry.alternates.append(("x-default", unprefixed(english[0])))
    return entries


class PageSitemap(Sitemap):
    """Django's sitemap of the `sitemap_entries` of one request, with their alternates."""

    def __init__(self, request):
        self.request = request

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = sitemap_entries(self.request)
        return self._entries

    def location(self, item):
        return item.url

    def lastmod(self, item):
        return item.last_modified

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            url["alternates"] = [
                {"lang_code": language, "location": origin + path}
                for language, path in url["item"].alternates
            ]
        return urls
