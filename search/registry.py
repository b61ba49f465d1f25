"""The page types the site search holds, found by what they declare, not by name.

A page model is searchable when it subclasses `network_site.indexing.SearchablePage`; its
`search_fields` say what is searched and faceted. This module only finds them, so the
`search` app imports no feature app and a new page type needs no change here.
"""

from functools import cache

from django.apps import apps

from wagtail.search import index

from network_site.indexing import Facet, SearchablePage


@cache
def searchable_models():
    """Every concrete searchable page model, in the order the apps define them."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, SearchablePage) and not model._meta.abstract
    )


def type_labels():
    """{search type: label}, e.g. {"case-study": "Case study"}, in the registry's order."""
    return {model.search_type: model.search_type_label for model in searchable_models()}


def declared_facets(model):
    """(relation path, related model, Facet) for every Facet a model declares; the path is
    the list of relation names from the page to the model that holds the field."""

    def walk(fields, path, holder):
        for field in fields:
            if isinstance(field, Facet):
                yield path, holder, field
            elif isinstance(field, index.RelatedFields):
                related = holder._meta.get_field(field.field_name).related_model
                yield from walk(field.fields, [*path, field.field_name], related)

    yield from walk(model.get_search_fields(), [], model)


def related_models_of(model):
    """(relation path, related model) for every relation a model's search fields follow."""

    def walk(fields, path, holder):
        for field in fields:
            if isinstance(field, index.RelatedFields):
                related = holder._meta.get_field(field.field_name).related_model
                relation = [*path, field.field_name]
                yield relation, related
                yield from walk(field.fields, relation, related)

    yield from walk(model.get_search_fields(), [], model)
