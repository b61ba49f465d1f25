"""The admin's image form, named in settings.WAGTAILIMAGES_IMAGE_FORM_BASE.

Its own module: Wagtail's image forms can only be imported once the models are loaded,
and `network_site.forms` is imported by the models.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, which also refuses a file it cannot decode.

    Wagtail reads an upload's header; a damaged file raised an error there (a server error)
    or, with a sound header, later, when its thumbnail was made. Here the whole image is
    decoded, and a file that cannot be gets a form error instead."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
            if file is not None:
                with PILImage.open(file) as image:
                    image.load()
                file.seek(0)
        except (OSError, ValueError, SyntaxError) as error:
            raise ValidationError(
                gettext(
                    "This file could not be read as an image; it may be damaged. Open it in an "
                    "image editor, save a new copy and upload that."
                ),
                code="unreadable_image",
            ) from error
        return file


class ImageForm(BaseImageForm):
    """The admin's image upload and edit forms, with `ReadableImageField` for the file."""

    file = ReadableImageField(label=gettext_lazy("File"))
