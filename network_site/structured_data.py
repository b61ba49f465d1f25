"""schema.org structured data (JSON-LD) of the site's pages: the pieces every page type
builds its own from, and the one way they are written into a page.

Each page type says what it is in `structured_data(meta)` (`network_site.pages.SitePage`
gives every page a `WebPage`; case studies, guides, updates, the roadmap, cities and the
home page say more), with `meta` the page's `network_site.findable.PageMeta`: its canonical
address, description, language, image and the network as an `Organization`. What readers
see and what the structured data says come from the same fields.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

CONTEXT = "https://schema.org"

# As Django's `json_script` escapes JSON for a <script> element: no "</script>" or "<!--"
# in a title can end the element or start a comment, whatever the page's text holds.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def json_ld_script(data):
    """`data` as one `<script type="application/ld+json">` element, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


def without_empty(data):
    """`data` without the keys whose value is empty (None, "", [] or {})."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organization(name, url, logo=None, description=None, members=()):
    """The network as an `Organization`: the publisher of every page, the author of the
    toolkit."""
    return without_empty(
        {
            "@type": "Organization",
            "name": name,
            "url": url,
            "logo": logo,
            "description": description,
            "member": list(members),
        }
    )


def geo_coordinates(city):
    """A city page's coordinates as `GeoCoordinates` (numbers, not strings)."""
    if city.latitude is None or city.longitude is None:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(city.latitude),
        "longitude": float(city.longitude),
    }


def city_place(city, url):
    """A partner city as a place: a `City` with its coordinates, in its country."""
    return without_empty(
        {
            "@type": "City",
            "name": city.title,
            "url": url,
            "geo": geo_coordinates(city),
            "containedInPlace": without_empty(
                {"@type": "Country", "name": str(city.country_name), "identifier": city.country}
            ),
        }
    )


def city_authority(city, url):
    """A partner city as the author of its pages: its local government, serving the city."""
    return {
        "@type": "GovernmentOrganization",
        "name": city.title,
        "url": url,
        "areaServed": city_place(city, url),
    }


def themes(names):
    """The themes a page is about, as `DefinedTerm`s of the URBACT areas."""
    return [{"@type": "DefinedTerm", "name": name} for name in names]


def web_page(meta, schema_type="WebPage", **extra):
    """What every page says about itself: its type, name, description, address, language
    and the site it belongs to."""
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": schema_type,
            "name": meta.title,
            "description": meta.description,
            "url": meta.canonical_url,
            "inLanguage": meta.content_language,
            "image": meta.image_url,
            "isPartOf": without_empty(
                {"@type": "WebSite", "name": meta.site_name, "url": meta.home_url}
            ),
            "publisher": meta.network,
            **extra,
        }
    )


def article(meta, page, schema_type="Article", **extra):
    """A case study, a guide or an update as a `CreativeWork` of `schema_type`: what it is
    called and about, in which language, when it was published and changed, under which
    licence, and who published it (the network)."""
    return web_page(
        meta,
        schema_type,
        headline=meta.title,
        mainEntityOfPage=meta.canonical_url,
        datePublished=page.first_published_at,
        dateModified=page.last_published_at,
        license=meta.licence_url,
        isAccessibleForFree=True,
        **extra,
    )
