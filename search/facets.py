"""The facets readers narrow a search by, and the labels they read for each value.

The facets are declared on the page models (`network_site.indexing.Facet` in their
`search_fields`); the labels come from the model that holds each facet's field: its
`label` attribute (a theme's name, a city's title) or the field's choices (a country's
name). The content type's labels come from the registry; a year is its own label.

A value is the same in every language (the English object's: `search.documents` reads it
there); where the holder is translatable (a city page), its label is that of the reader's
language's version (the translated title, or the English one the alias shows).
"""

from functools import cache

from django.utils.translation import gettext_lazy, pgettext_lazy

from wagtail.models import TranslatableMixin

from network_site.languages import SOURCE_LANGUAGE

from .registry import declared_facets, searchable_models, type_labels

# The facets, in the order the search page shows them.
FACETS = ("theme", "city", "country", "channel", "type", "year")
# The name readers see for each facet, above its values.
FACET_NAMES = {
    "theme": gettext_lazy("Theme"),
    "city": gettext_lazy("City"),
    "country": gettext_lazy("Country"),
    "channel": gettext_lazy("Channel"),
    "type": pgettext_lazy("the kind of a page: case study, guide…", "Type"),
    "year": gettext_lazy("Year"),
}
# Facets whose values read newest first rather than in label order.
DESCENDING = frozenset({"year"})


@cache
def label_sources():
    """{facet: (model holding the field, Facet)}: the first declaration of each facet."""
    sources = {}
    for model in searchable_models():
        for _, holder, facet in declared_facets(model):
            sources.setdefault(facet.facet, (holder, facet))
    return sources


def labels_of(holder, facet, language):
    """(value, label) pairs of one facet in a language, in reading order: the model's own
    ordering if it has one, else by label. Pages are limited to those readers may see."""
    if facet.label is None:
        choices = holder._meta.get_field(facet.field_name).choices or []
        return sorted(((str(value), label) for value, label in choices), key=lambda c: c[1])
    ordering = holder._meta.ordering or [facet.label]
    objects = holder.objects
    objects = objects.readable() if hasattr(objects, "readable") else objects.all()
    if not issubclass(holder, TranslatableMixin):
        rows = objects.order_by(*ordering).values_list(facet.field_name, facet.label)
        return [(str(value), label) for value, label in rows]
    rows = (
        objects.filter(locale__language_code__in={SOURCE_LANGUAGE, language})
        .order_by(*ordering)
        .values_list("translation_key", "locale__language_code", facet.field_name, facet.label)
    )
    source = {key: (value, label) for key, code, value, label in rows if code == SOURCE_LANGUAGE}
    translated = {key: label for key, code, _, label in rows if code == language}
    pairs = [(str(value), translated.get(key, label)) for key, (value, label) in source.items()]
    return pairs if holder._meta.ordering else sorted(pairs, key=lambda pair: pair[1].casefold())


def facet_labels(language=SOURCE_LANGUAGE):
    """(value, label) pairs per facet, in the order readers of `language` see them."""
    labels = {facet: [] for facet in FACETS}
    for name, (holder, facet) in label_sources().items():
        labels[name] = labels_of(holder, facet, language)
    labels["type"] = list(type_labels().items())
    return labels
