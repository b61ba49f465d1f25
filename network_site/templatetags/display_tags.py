"""Filters that format values the way readers of the site expect to see them, in the active
language (its digit grouping, decimal mark and date order), and the provenance levels for the
footer's key."""

from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils import formats
from django.utils.translation import gettext, pgettext_lazy

from network_site.languages import localized_name
from network_site.pages import Provenance

register = template.Library()

# The month names of a date written in full, as each language writes them there (Django's
# own names are capitalised in several of the site's languages: "5 Giugno 2018").
MONTHS = {
    1: pgettext_lazy("month, in a date", "January"),
    2: pgettext_lazy("month, in a date", "February"),
    3: pgettext_lazy("month, in a date", "March"),
    4: pgettext_lazy("month, in a date", "April"),
    5: pgettext_lazy("month, in a date", "May"),
    6: pgettext_lazy("month, in a date", "June"),
    7: pgettext_lazy("month, in a date", "July"),
    8: pgettext_lazy("month, in a date", "August"),
    9: pgettext_lazy("month, in a date", "September"),
    10: pgettext_lazy("month, in a date", "October"),
    11: pgettext_lazy("month, in a date", "November"),
    12: pgettext_lazy("month, in a date", "December"),
}
# The hemispheres' letters after a coordinate.
NORTH = pgettext_lazy("compass point", "N")
SOUTH = pgettext_lazy("compass point", "S")
EAST = pgettext_lazy("compass point", "E")
WEST = pgettext_lazy("compass point", "W")


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _grouped(amount):
    """A Decimal without trailing zeros, with the active language's thousands separator and
    decimal mark: 1200.50 -> '1,200.5' in English, '1.200,5' in Italian."""
    if amount == amount.to_integral_value():
        amount = amount.to_integral_value()
    else:
        amount = amount.normalize()
    return formats.number_format(amount, use_l10n=True, force_grouping=True)


@register.filter
def number(value):
    """A number with thousands separators and no trailing zeros: 1200.00 -> '1,200'."""
    amount = _decimal(value)
    if amount is None:
        return value
    return _grouped(amount)


@register.filter
def eur(value):
    """An amount in whole euros: 716745.00 -> 'EUR 716,745'."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return f"EUR {_grouped(amount.to_integral_value())}"


@register.filter
def coordinate(value, axis):
    """A latitude ('lat') or longitude ('lon') in degrees with its hemisphere: 44.4° N."""
    amount = _decimal(value)
    if amount is None:
        return ""
    positive, negative = (NORTH, SOUTH) if axis == "lat" else (EAST, WEST)
    hemisphere = positive if amount >= 0 else negative
    return f"{formats.number_format(abs(amount).normalize(), use_l10n=True)}° {hemisphere}"


@register.filter(expects_localtime=True)
def long_date(value):
    """A date in full, as the active language writes it, in its order and with its month
    names: '14 March 2017' in English, '14 marzo 2017' in Italian. Empty for no date."""
    if not value:
        return ""
    # Translators: how a date is written in full, in the letters of Django's date filter
    # (j day, F month name, Y year): "j F Y" reads "14 March 2017". Put a backslash before
    # any other letter, as in "j \d\e F \d\e Y" for "14 de março de 2017".
    return written_date(value, gettext("j F Y"))


def written_date(value, date_format):
    """`value` in `date_format` (the letters of Django's date filter), with the month named
    as the site's languages write it inside a date (`MONTHS`) wherever the format has F."""
    # The month's name in the format, each character escaped so the filter copies it.
    month = "".join(f"\\{character}" for character in str(MONTHS[value.month]))
    return formats.date_format(value, date_format.replace("F", month))


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
