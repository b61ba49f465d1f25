"""Who may download an uploaded document (network_site/document_access.py), and the headers
it is sent with."""

from django.core.files.base import ContentFile

from wagtail.models import Collection, PageViewRestriction

import pytest
from wagtail_factories import DocumentFactory

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from tests.conftest import fresh

pytestmark = pytest.mark.django_db

TEXT = b"Budget 2026: the figures."


@pytest.fixture(autouse=True)
def _files_on_disk(settings, tmp_path):
    """Documents on disk, as in production: Wagtail serves them from their path, which the
    test settings' in-memory storage names but does not write."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def tartu_document(roles):
    return DocumentFactory(
        title="Budget",
        collection=Collection.objects.get(name="Tartu"),
        file=ContentFile(TEXT, name="budget.txt"),
    )


def body_linking(document):
    return [("document", {"document": document, "title": "", "description": ""})]


def download(client, document):
    return client.get(document.url)


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_document_no_page_uses_is_only_for_those_who_may_choose_it(
    client, tartu_document, editor, tartu_partner, django_user_model, roles
):
    assert download(client, tartu_document).status_code == 404

    ghent_partner = django_user_model.objects.create_user("partner-ghent", password="x")
    ghent_partner.groups.add(roles["Partner – Ghent"])
    client.force_login(ghent_partner)
    assert download(client, tartu_document).status_code == 404

    for user in (tartu_partner, editor):
        client.force_login(user)
        response = download(client, tartu_document)
        assert response.status_code == 200
        assert content(response) == TEXT


def test_a_document_on_a_published_page_is_public(client, tartu, tartu_document):
    UpdatePageFactory(parent=tartu.updates_section, body=body_linking(tartu_document))
    response = download(client, tartu_document)
    assert response.status_code == 200
    assert content(response) == TEXT


def test_a_document_linked_from_published_rich_text_is_public(client, tartu, tartu_document):
    link = f'<p>See <a linktype="document" id="{tartu_document.pk}">the budget</a>.</p>'
    CaseStudyPageFactory(parent=tartu.case_studies_section, approach=link)
    assert download(client, tartu_document).status_code == 200


def test_a_document_only_in_a_draft_stays_private_until_published(client, tartu, tartu_document):
    update = UpdatePageFactory(parent=tartu.updates_section)
    update.body = body_linking(tartu_document)
    revision = update.save_revision()
    assert download(client, tartu_document).status_code == 404

    revision.publish()
    assert download(client, tartu_document).status_code == 200


def test_a_page_readers_cannot_see_does_not_make_its_document_public(
    client, tartu, tartu_document
):
    update = UpdatePageFactory(parent=tartu.updates_section, body=body_linking(tartu_document))
    restriction = PageViewRestriction.objects.create(
        page=update, restriction_type=PageViewRestriction.LOGIN
    )
    assert download(client, tartu_document).status_code == 404

    restriction.delete()
    fresh(tartu.pk).unpublish()  # The update stays live, below an unpublished city.
    assert fresh(update.pk).live
    assert download(client, tartu_document).status_code == 404


def test_a_document_is_sent_without_a_content_encoding(client, tartu, tartu_document):
    """Wagtail sent `Content-Encoding: None`."""
    UpdatePageFactory(parent=tartu.updates_section, body=body_linking(tartu_document))
    response = download(client, tartu_document)
    assert response.status_code == 200
    assert content(response) == TEXT
    assert "Content-Encoding" not in response
    assert response["Content-Disposition"].startswith("attachment")
