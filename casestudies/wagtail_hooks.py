from wagtail import hooks

from .models import CityPage


@hooks.register("after_create_page")
def create_city_sections(request, page):
    """Give a new partner city its 'Case studies' and 'Updates' sections straight away."""
    if isinstance(page, CityPage):
        page.ensure_sections()
