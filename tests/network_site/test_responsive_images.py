"""Images in the sizes each place needs: readers' browsers choose from a srcset, and images
below the top of the page wait until they are scrolled into view."""

import re

from wagtail.images.models import Rendition

import pytest
from wagtail_factories import ImageFactory

from casestudies.factories import CaseStudyPageFactory
from network_site.images import IMAGE_USES

pytestmark = pytest.mark.django_db


def image_tags(html):
    """The <img> tags of uploaded images (not the site's logo)."""
    return re.findall(r"<img [^>]*/media/images/[^>]*>", html)


@pytest.fixture
def photo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ImageFactory(title="Town hall", file__width=1600, file__height=900)


def test_an_upload_gets_every_rendition_a_page_will_ask_for(photo):
    specs = {spec for use in IMAGE_USES.values() for spec in use.filter_specs}
    made = set(Rendition.objects.filter(image=photo).values_list("filter_spec", flat=True))
    assert made == specs


def test_the_lead_image_comes_in_three_widths_and_at_once_cards_lazily(client, tartu, photo):
    page = CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Town hall online", image=photo
    )
    lead = image_tags(client.get(page.url).text)[0]
    assert re.findall(r"\s(\d+)w", lead) == ["480", "800", "1200"]
    assert 'sizes="' in lead
    assert "loading=" not in lead

    (card,) = image_tags(client.get(tartu.case_studies_section.url).text)
    assert re.findall(r"\s(\d+)w", card) == ["320", "640"]
    assert 'loading="lazy"' in card
