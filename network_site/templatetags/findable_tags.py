"""The <head> tags that make a page findable: see `network_site.findable`."""

from django import template

from network_site.findable import page_meta

from .navigation_tags import site_root

register = template.Library()


@register.inclusion_tag("includes/meta_tags.html", takes_context=True)
def meta_tags(context, languages):
    """`{% meta_tags languages %}`: the page's description, canonical address, robots rule,
    Open Graph and Twitter card tags and structured data; `languages` is the page's
    `network_site.languages.PageLanguages` (the `languages` tag's)."""
    if context.get("request") is None:
        return {}
    return {"meta": page_meta(context, languages, site_root(context))}
