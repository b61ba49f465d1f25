"""A form post cut short gets 400 and changes nothing, rather than a server error."""

from django.urls import reverse

import pytest

from tests.conftest import fresh
from tests.forms import guide_form
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


def test_a_page_edit_without_a_streamfields_count_is_a_bad_request(client, site_tree, editor):
    guide = GuidePageFactory(parent=site_tree["toolkit"], title="Audit your channels")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    complete = {**guide_form("Audit your channels, step by step"), "slug": guide.slug}
    cut_short = {name: value for name, value in complete.items() if name != "steps-count"}

    response = client.post(url, cut_short)
    assert response.status_code == 400
    assert "The form arrived incomplete" in response.content.decode()
    assert fresh(guide.pk).get_latest_revision_as_object().title == "Audit your channels"

    assert client.post(url, complete).status_code == 302
    assert (
        fresh(guide.pk).get_latest_revision_as_object().title
        == "Audit your channels, step by step"
    )
