"""Partners put on their pages only images and documents of their city's collection, whatever
id the form posts (network_site/media_choice.py); editors use any; an image already on the
page stays."""

from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import Collection
from wagtail.test.utils.form_data import rich_text, streamfield

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyPage, UpdatePage
from tests.conftest import fresh
from tests.forms import case_study_form, city_form, update_form

pytestmark = pytest.mark.django_db

REFUSED_IMAGE = "You may not use this image: it is in a collection you cannot choose from."
REFUSED_DOCUMENT = "You may not use this document: it is in a collection you cannot choose from."


@pytest.fixture
def media(roles):
    tartu, ghent = Collection.objects.get(name="Tartu"), Collection.objects.get(name="Ghent")
    return {
        "tartu image": ImageFactory(title="Town hall square", collection=tartu),
        "ghent image": ImageFactory(title="Ghent harbour", collection=ghent),
        "tartu document": DocumentFactory(title="Tartu plan", collection=tartu),
        "ghent document": DocumentFactory(title="Ghent budget", collection=ghent),
    }


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def add_case_study(client, tartu, themes, title, **fields):
    section = tartu.case_studies_section
    data = case_study_form(title, [themes["governance"]], slug=slugify(title), **fields)
    response = client.post(add_url(CaseStudyPage, section), data)
    return response, CaseStudyPage.objects.child_of(section).filter(title=title)


def add_update(client, tartu, title, blocks):
    section = tartu.updates_section
    data = update_form(title, slug=slugify(title), body=blocks)
    response = client.post(add_url(UpdatePage, section), data)
    return response, UpdatePage.objects.child_of(section).filter(title=title)


def figure(image):
    return (
        "figure",
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": "A harbour"},
            "caption": "",
            "credit": "",
        },
    )


def document_link(document):
    return ("document", {"document": document.pk, "title": "", "description": ""})


def test_a_partner_cannot_attach_another_citys_image_to_a_case_study(
    client, tartu, themes, tartu_partner, media
):
    client.force_login(tartu_partner)
    response, created = add_case_study(
        client, tartu, themes, "Harbour", image=media["ghent image"].pk
    )
    assert response.status_code == 200
    assert REFUSED_IMAGE in response.text
    assert not created.exists()

    response, created = add_case_study(
        client, tartu, themes, "Square", image=media["tartu image"].pk
    )
    assert response.status_code == 302, response.context["form"].errors
    assert created.get().get_latest_revision_as_object().image == media["tartu image"]


def test_a_partner_cannot_put_another_citys_image_or_document_in_an_update_body(
    client, tartu, tartu_partner, media
):
    client.force_login(tartu_partner)
    response, created = add_update(
        client, tartu, "Harbour news", streamfield([figure(media["ghent image"])])
    )
    assert REFUSED_IMAGE in response.text
    assert not created.exists()

    response, created = add_update(
        client, tartu, "Budget news", streamfield([document_link(media["ghent document"])])
    )
    assert REFUSED_DOCUMENT in response.text
    assert not created.exists()

    blocks = streamfield([figure(media["tartu image"]), document_link(media["tartu document"])])
    response, created = add_update(client, tartu, "Square news", blocks)
    assert response.status_code == 302, response.context["form"].errors
    body = created.get().get_latest_revision_as_object().body
    assert body[0].value["image"].pk == media["tartu image"].pk
    assert body[1].value["document"] == media["tartu document"]


def test_a_partner_cannot_link_another_citys_document_from_rich_text(
    client, tartu, themes, tartu_partner, media
):
    client.force_login(tartu_partner)
    link = f'<p>See <a linktype="document" id="{media["ghent document"].pk}">the budget</a>.</p>'
    response, created = add_case_study(client, tartu, themes, "Budget", approach=rich_text(link))
    assert REFUSED_DOCUMENT in response.text
    assert not created.exists()


def test_a_partner_cannot_give_their_city_profile_another_citys_image(
    client, tartu, tartu_partner, media
):
    client.force_login(tartu_partner)
    data = {**city_form("Tartu", image=media["ghent image"].pk), "slug": "tartu"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[tartu.pk]), data)
    assert REFUSED_IMAGE in response.text
    assert fresh(tartu.pk).get_latest_revision_as_object().image is None


def test_an_editor_uses_any_collection_and_the_partner_keeps_it(
    client, tartu, themes, editor, tartu_partner, media
):
    client.force_login(editor)
    response, created = add_case_study(
        client, tartu, themes, "Harbour", image=media["ghent image"].pk
    )
    assert response.status_code == 302, response.context["form"].errors
    page = created.get()

    client.force_login(tartu_partner)
    data = {
        **case_study_form("Harbour, revised", [themes["governance"]]),
        "slug": page.slug,
        "image": media["ghent image"].pk,
    }
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    draft = fresh(page.pk).get_latest_revision_as_object()
    assert (draft.title, draft.image) == ("Harbour, revised", media["ghent image"])


def test_a_page_with_an_image_from_elsewhere_does_not_let_a_partner_add_another(
    client, tartu, themes, tartu_partner, media
):
    page = CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Harbour", image=media["ghent image"]
    )
    other = ImageFactory(title="Ghent belfry", collection=media["ghent image"].collection)
    client.force_login(tartu_partner)
    data = {
        **case_study_form("Harbour", [themes["governance"]]),
        "slug": page.slug,
        "image": other.pk,
    }
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert REFUSED_IMAGE in response.text
    assert fresh(page.pk).get_latest_revision_as_object().image == media["ghent image"]
