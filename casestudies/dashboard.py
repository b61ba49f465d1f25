"""The partner's panel on the admin dashboard: their city's work, and where to start."""

import operator
from functools import reduce

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language_info, gettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from network_site.translation_access import language_versions

from .models import CaseStudyPage, CityCaseStudiesPage, CityUpdatesPage, UpdatePage


class PartnerCityPanel(Component):
    """What a partner sees first after logging in: buttons that start a case study or an
    update under their own city (so they need not know the page tree), then their city's
    pages that were sent back for changes, those waiting for review, and other drafts, in
    every language (a translation says which)."""

    name = "partner_city"
    template_name = "casestudies/admin/partner_city_panel.html"
    order = 50  # Above Wagtail's own panels.

    def __init__(self, city):
        self.city = city

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        under_the_city = reduce(
            operator.or_,
            (
                Page.objects.descendant_of_q(version, inclusive=True)
                for version in language_versions(self.city)
            ),
        )
        # An alias shows the English page: it has no work of its own.
        pages = Page.objects.filter(under_the_city, alias_of__isnull=True).select_related("locale")
        states = list(
            WorkflowState.objects.active()
            .filter(
                base_content_type=get_default_page_content_type(),
                object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
            )
            .select_related("current_task_state__finished_by", "requested_by")
            .order_by("-current_task_state__started_at")
        )
        # object_id is text: look the pages up by number (PostgreSQL compares no int to text).
        pages_by_id = pages.in_bulk([int(state.object_id) for state in states])
        sent_back, in_review = [], []
        for state in states:
            state.city_page = pages_by_id[int(state.object_id)]
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                sent_back.append(state)
            else:
                in_review.append(state)
        drafts = list(
            pages.filter(Q(has_unpublished_changes=True) | Q(live=False))
            .exclude(pk__in=pages_by_id)
            .order_by("-latest_revision_created_at")
        )
        for page in [*drafts, *pages_by_id.values()]:
            page.kind = page.specific_class._meta.verbose_name
            if page.locale_id != self.city.locale_id:
                language = get_language_info(page.locale.language_code)["name_translated"]
                page.kind = f"{page.kind}, {language} translation"
        context.update(
            city=self.city,
            new_links=self.new_page_links(),
            sent_back=sent_back,
            in_review=in_review,
            drafts=drafts,
        )
        return context

    def new_page_links(self):
        """(label, URL) of the add forms under the city's live sections."""
        links = []
        for section_model, page_model, label in (
            (CityCaseStudiesPage, CaseStudyPage, gettext_lazy("Write a case study")),
            (CityUpdatesPage, UpdatePage, gettext_lazy("Post an update")),
        ):
            section = section_model.objects.child_of(self.city).first()
            if section is not None and self.city.live:
                url = reverse(
                    "wagtailadmin_pages:add",
                    args=[page_model._meta.app_label, page_model._meta.model_name, section.pk],
                )
                links.append((label, url))
        return links
