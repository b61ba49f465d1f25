"""What search engines and link previews read in a page's <head>: its canonical address, its
description, whether it may be indexed, its Open Graph and Twitter card tags and its
schema.org structured data. `templates/includes/meta_tags.html` writes them, from the
`PageMeta` that `page_meta` builds; see "Findable" in the README for the rules.

A view or page passes what only it knows through its template context:

- `canonical_parameters`: the query parameters that are part of the page's address (a
  listing's valid filters and page number; `canonical_parameters()` makes them);
- `noindex`: True to keep the page out of search engines' indexes (`too_many_filters()`);
- `meta_title`, `meta_description`: for a view that is no page (the search) or a page's
  own route (a guide's list of case studies).
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from wagtail.models import Site

from .forms import FacetField
from .images import share_image
from .languages import SOURCE_LANGUAGE
from .models import SiteText
from .structured_data import json_ld_script, organization, web_page

# The longest description written into a page: about what search engines show.
DESCRIPTION_LENGTH = 160
# Open Graph names locales as language_TERRITORY: each language as the partner cities
# write it (Dutch as in Ghent, Portuguese as in Lisbon).
OPEN_GRAPH_LOCALES = {
    "en": "en_GB",
    "it": "it_IT",
    "bg": "bg_BG",
    "ro": "ro_RO",
    "hu": "hu_HU",
    "et": "et_EE",
    "nl": "nl_BE",
    "fr": "fr_FR",
    "pt": "pt_PT",
    "es": "es_ES",
}
DEFAULT_SITE_NAME = "Interactive Cities"


def plain_text(value):
    """Text, rich text or HTML as one line of plain text, without tags or entities."""
    text = html.unescape(strip_tags(str(value or "")))
    return re.sub(r"\s+", " ", text).strip()


def describe(value):
    """`value` as a page description: plain text of at most DESCRIPTION_LENGTH characters."""
    return Truncator(plain_text(value)).chars(DESCRIPTION_LENGTH)


def selected_filter_values(filter_form):
    """How many filter values a listing's or the search's filter form applies (after
    leaving out the values it does not know)."""
    return sum(
        len(filter_form.cleaned_data.get(name) or ())
        for name, form_field in filter_form.fields.items()
        if isinstance(form_field, FacetField)
    )


def too_many_filters(filter_form):
    """The cfgov rule: a listing or search with more than one filter value selected is kept
    out of search engines' indexes. There are as many such pages as combinations of
    values, and each shows what its single-value pages show already."""
    return selected_filter_values(filter_form) > 1


def canonical_parameters(filter_form=None, page_obj=None):
    """The query parameters of a list's canonical address: the filter form's valid values
    and, beyond the first page, the number of the page shown."""
    parameters = filter_form.known_parameters() if filter_form else QueryDict(mutable=True)
    parameters.pop("page", None)
    if page_obj is not None and page_obj.number > 1:
        parameters["page"] = str(page_obj.number)
    return parameters


def canonical_query(parameters):
    """`parameters` as a query string in one order (by name, then value): the same filters
    in any order have one canonical address."""
    if not parameters:
        return ""
    pairs = sorted((name, value) for name, values in parameters.lists() for value in values)
    return "?" + urlencode(pairs) if pairs else ""


def canonical_url(request, page, languages, parameters):
    """The absolute address search engines should index for what the request shows.

    A page's own address in its language, or, where the page is not yet translated and
    shows the English content (an alias), the English page's: the two are the same
    content, and the English page is the one the sitemap and the `hreflang` links name. A
    route of the page (a guide's `case-studies/`) keeps its part of the path. None for a
    page that has no address.
    """
    path = request.path
    if page is not None:
        own = page.get_url(request)
        if own is None:
            return None
        base = own
        if languages is not None and languages.is_fallback:
            english = [v.url for v in languages.versions if v.language == SOURCE_LANGUAGE]
            base = english[0] if english else own
        route = path[len(own) :] if path.startswith(own) else ""
        path = base + route
    return request.build_absolute_uri(path + canonical_query(parameters))


@dataclass
class PageMeta:
    """Everything the <head> says about a page to search engines and link previews."""

    title: str
    description: str
    site_name: str
    canonical_url: str | None = None
    noindex: bool = False
    content_language: str = SOURCE_LANGUAGE
    alternate_languages: list = field(default_factory=list)
    home_url: str | None = None
    network: dict | None = None
    licence_url: str = ""
    image_url: str | None = None
    image_size: tuple | None = None
    open_graph_type: str = "website"
    published: object = None
    modified: object = None
    structured_data: dict | None = None

    @property
    def open_graph_locale(self):
        return OPEN_GRAPH_LOCALES.get(self.content_language, self.content_language)

    @property
    def open_graph_alternate_locales(self):
        return [OPEN_GRAPH_LOCALES.get(code, code) for code in self.alternate_languages]

    @property
    def json_ld(self):
        """The structured data as its <script> element ("" when there is none)."""
        return json_ld_script(self.structured_data) if self.structured_data else ""


def page_meta(context, languages, home):
    """The `PageMeta` of the page a template renders: `languages` is its
    `network_site.languages.PageLanguages`, `home` the home page in the reader's language.

    A template without a page and without a `meta_description` is an error page ("Page not
    found"): it gets a description and `noindex`, and nothing else.
    """
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    site_text = SiteText.load(request_or_site=request)
    descriptions = (
        context.get("meta_description"),
        page.get_meta_description() if page else "",
        # What the whole site is, as its footer says it: for a page with nothing better.
        gettext(site_text.footer_text),
    )
    meta = PageMeta(
        title=context.get("meta_title") or (page.get_meta_title() if page else ""),
        description=next((describe(text) for text in descriptions if plain_text(text)), ""),
        site_name=(site.site_name if site else "") or DEFAULT_SITE_NAME,
        noindex=bool(context.get("noindex")),
        licence_url=site_text.licence_url,
    )
    if page is None and "meta_description" not in context:
        meta.noindex = True
        return meta
    meta.canonical_url = canonical_url(
        request, page, languages, context.get("canonical_parameters")
    )
    meta.content_language = (
        SOURCE_LANGUAGE if languages is not None and languages.is_fallback else get_language()
    )
    if languages is not None:
        meta.alternate_languages = [
            version.language
            for version in languages.alternates
            if version.language != meta.content_language
        ]
    if home is not None:
        meta.home_url = request.build_absolute_uri(home.get_url(request))
    # The network by the name citations give it as the publisher (network_site.citations).
    meta.network = organization(
        settings.NETWORK_NAME,
        meta.home_url,
        logo=request.build_absolute_uri(static("favicon.svg")),
    )
    if page is None:
        meta.structured_data = web_page(meta, "SearchResultsPage")
        return meta
    image = getattr(page, "image", None)
    if image is not None:
        rendition = share_image(image)
        meta.image_url = request.build_absolute_uri(rendition.url)
        meta.image_size = (rendition.width, rendition.height)
    meta.open_graph_type = page.open_graph_type
    meta.published, meta.modified = page.first_published_at, page.last_published_at
    meta.structured_data = page.structured_data(meta, context)
    return meta
