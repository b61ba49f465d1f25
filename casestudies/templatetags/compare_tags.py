"""The compare page's address, for templates of other apps (the search page), which may not
import this app."""

from django import template

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from network_site.templatetags.navigation_tags import section_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def compare_url(context):
    """`{% compare_url as url %}`: the address of the compare page in the reader's language
    (empty without a case study index). Found among the site's sections, which the footer
    reads once per request anyway, so it costs no query of its own."""
    index = section_pages(context).get(CaseStudyIndexPage._meta.model_name)
    if index is None:
        return ""
    return index.get_url(context.get("request")) + CaseStudyIndexPage.get_resolver().reverse(
        "compare"
    )


@register.filter
def has_case_studies(hits):
    """Whether any of the search hits `hits` is a case study (which the search page then
    offers to compare)."""
    return any(hit.type["slug"] == CaseStudyPage.search_type for hit in hits)
