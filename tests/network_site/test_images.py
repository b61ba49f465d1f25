"""Image uploads in the admin: a damaged or oversized file gets a form error, not a 500."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, django_user_model, content):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Town hall",
            "file": SimpleUploadedFile("town-hall.png", content, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_a_sound_image_is_added(client, django_user_model):
    response = upload(client, django_user_model, png(200, 100))
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 200


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda: png(200, 200)[:300], "could not be read as an image; it may be damaged"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"not an image" * 50, "could not be read as an image"),
        (lambda: png(7000, 6000), "too many pixels (42000000). Maximum pixels 40000000"),
    ],
    ids=["truncated", "garbage after a PNG header", "42 megapixels"],
)
def test_a_damaged_or_oversized_image_gets_a_form_error(
    client, django_user_model, content, message
):
    response = upload(client, django_user_model, content())
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()
