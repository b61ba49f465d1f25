from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from casestudies.roles import partner_cities

from .dashboard import PartnerCityPanel
from .models import CaseStudyPage, CityPage, UpdatePage


class CityListing(PageListingViewSet):
    model = CityPage
    icon = "site"
    menu_label = gettext_lazy("Partner cities")


class CityContentIndexView(IndexView):
    """The admin list of case studies or updates, with each page's city instead of its parent
    (which is always the city's section page, so says nothing)."""

    base_columns = [
        Column("city", label=gettext_lazy("City"), accessor="city.title", sort_key="city__title")
        if column.name == "parent"
        else column
        for column in IndexView.base_columns
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("city")


class CaseStudyListing(PageListingViewSet):
    model = CaseStudyPage
    index_view_class = CityContentIndexView
    icon = "clipboard-list"
    menu_label = gettext_lazy("Case studies")


class UpdateListing(PageListingViewSet):
    model = UpdatePage
    index_view_class = CityContentIndexView
    icon = "date"
    menu_label = gettext_lazy("Partner updates")


class NetworkContentGroup(ViewSetGroup):
    """Flat lists of the partner cities' content, so editors need not walk the page tree to
    find a case study or an update (the toolkit's guides have their own menu item)."""

    menu_label = gettext_lazy("Network content")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (
        CityListing("partner_cities"),
        CaseStudyListing("case_studies"),
        UpdateListing("partner_updates"),
    )


@hooks.register("register_admin_viewset")
def register_network_content_listings():
    return NetworkContentGroup()


@hooks.register("construct_homepage_panels")
def add_partner_city_panels(request, panels):
    """A partner's dashboard opens on their own city's work."""
    panels.extend(PartnerCityPanel(city) for city in partner_cities(request.user))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def back_to_the_dashboard_after_submitting(request, page):
    """A partner who submits their work for review goes back to their dashboard, where it
    now shows as waiting for review, rather than into the page tree."""
    if request.POST.get("action-submit") and partner_cities(request.user).exists():
        return redirect("wagtailadmin_home")
    return None
