"""Navigation built from the page tree: the main menu, breadcrumbs and section links.

Nothing here hard-codes a URL: every link comes from the live pages of the current site.
"""

from django import template
from django.urls import translate_url

from wagtail.models import Page, Site

from network_site.languages import (
    PageLanguages,
    Version,
    language_codes,
    language_names,
    page_languages,
)
from network_site.pages import readable_pages
from network_site.routing import known_ancestors

register = template.Library()


def _site_root(context):
    """The home page of the site serving this request, in the reader's language (None
    outside a request), found once per request: among the pages above the page served
    when routing read them, else with one query."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_network_site_root"):
        request._network_site_root = _localized_site_root(request, context.get("page"))
    return request._network_site_root


def _localized_site_root(request, page):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    on_the_way = [*(known_ancestors(page) or []), page] if page is not None else []
    for candidate in on_the_way:
        if getattr(candidate, "depth", None) == root.depth and candidate.translation_key == (
            root.translation_key
        ):
            return candidate
    return readable_pages().in_language().filter(translation_key=root.translation_key).first()


def _top_level_pages(context):
    """The home page's children readers may see, fetched once per request and reused."""
    request = context.get("request")
    cached = getattr(request, "_network_site_top_level_pages", None)
    if cached is not None:
        return cached
    root = _site_root(context)
    pages = []
    if root is not None:
        pages = list(readable_pages().child_of(root).select_related("content_type"))
    if request is not None:
        request._network_site_top_level_pages = pages
    return pages


@register.simple_tag(takes_context=True)
def languages(context):
    """`{% languages as languages %}`: the current page in every language (a
    `network_site.languages.PageLanguages`), for the language switcher, the `hreflang`
    links and the translation notices. A view that is no page (the search) is the same
    address in every language; a page's route may give its own as `page_languages`."""
    request = context.get("request")
    if request is None:
        return None
    if (preset := context.get("page_languages")) is not None:
        return preset  # A route of a page that says itself what its versions are.
    page = context.get("page")
    if page is not None and getattr(page, "pk", None):
        return page_languages(page, request)
    path = request.get_full_path()
    current = context.get("LANGUAGE_CODE")
    names = language_names()
    versions = [
        Version(code, names[code], translate_url(path, code), True, code == current)
        for code in language_codes()
    ]
    return PageLanguages(versions=versions)


@register.simple_tag(takes_context=True)
def site_root(context):
    """`{% site_root as home %}`: the home page of the current site."""
    return _site_root(context)


@register.simple_tag(takes_context=True)
def section_pages(context):
    """`{% section_pages as sections %}`: the home page's live, public children by model name.

    Lets a template link to, say, the case studies index with `sections.casestudyindexpage`
    without knowing its URL.
    """
    sections = {}
    for page in _top_level_pages(context):
        sections.setdefault(page.content_type.model, page)
    return sections


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public children that editors put in the menu."""
    current = context.get("page")
    items = []
    for item in _top_level_pages(context):
        if not item.show_in_menus:
            continue
        if current is not None and current.pk == item.pk:
            state = "page"
        elif current is not None and current.url_path.startswith(item.url_path):
            state = "section"
        else:
            state = ""
        items.append({"page": item, "state": state})
    return {"request": context.get("request"), "items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from the site's home page down (none on the home page)."""
    page = context.get("page")
    root = _site_root(context)
    if page is None or root is None or page.depth <= root.depth:
        return {"ancestors": []}
    ancestors = known_ancestors(page)
    if ancestors is None:
        ancestors = Page.objects.ancestor_of(page).order_by("depth")
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= root.depth]
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.simple_tag
def page_links(listing):
    """`{% page_links listing as links %}`: page numbers with '…' gaps for a Page object."""
    return listing.paginator.get_elided_page_range(listing.number, on_each_side=1, on_ends=1)
