"""Filters that format values the way readers of the site expect to see them, and the
provenance levels for the footer's key."""

from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django import template
from django.contrib.contenttypes.models import ContentType

from network_site.languages import localized_name
from network_site.pages import Provenance

register = template.Library()


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def number(value):
    """A number with thousands separators and no trailing zeros: 1200.00 -> '1,200'."""
    amount = _decimal(value)
    if amount is None:
        return value
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount.normalize():,f}"


@register.filter
def eur(value):
    """An amount in whole euros: 716745.00 -> 'EUR 716,745'."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return f"EUR {amount:,.0f}"


@register.filter
def coordinate(value, axis):
    """A latitude ('lat') or longitude ('lon') in degrees with its hemisphere: 44.4° N."""
    amount = _decimal(value)
    if amount is None:
        return ""
    positive, negative = ("N", "S") if axis == "lat" else ("E", "W")
    hemisphere = positive if amount >= 0 else negative
    return f"{abs(amount).normalize():f}° {hemisphere}"


@register.filter
def domain(url):
    """The host of a URL without 'www.', for link text: https://www.gent.be/ -> 'gent.be'."""
    host = urlsplit(url or "").netloc
    return host.removeprefix("www.") or url


@register.filter
def model_name(page):
    """The name of a page's model, e.g. 'casestudypage', from Django's cache of content
    types (`page.content_type` would read it from the database on every page)."""
    return ContentType.objects.get_for_id(page.content_type_id).model


@register.filter
def provenance(page):
    """The `Provenance` of a page (None for a page without one); a `Provenance` is returned as
    it is, so the badge include shows a level's badge as it shows a page's."""
    if isinstance(page, Provenance):
        return page
    return getattr(page, "provenance_level", None)


@register.simple_tag
def provenance_levels():
    """`{% provenance_levels as levels %}`: every `Provenance`, each with its `label` and
    `explanation`, for a key that says what the badges mean."""
    return list(Provenance)


@register.simple_tag(takes_context=True)
def name_of(context, item):
    """`{% name_of theme %}`: a theme's or channel's name in the reader's language (English
    where it is not translated); a free tag's own name."""
    return localized_name(item, context.get("request"))
