"""The sizes in which pages show images: one list for the templates and for the task that
makes the renditions when an image is uploaded.

Each use names the widths it offers (the browser picks one from `sizes`, so a phone does not
download a desktop image) and whether it may wait until it is scrolled into view (`lazy`):
everything but the image at the top of a page does.
"""

from dataclasses import dataclass

from django.db import transaction

from wagtail.images import get_image_model
from wagtail.images.models import ResponsiveImage

from django_tasks import task


@dataclass(frozen=True)
class ImageUse:
    filter_specs: tuple[str, ...]
    sizes: str
    lazy: bool = True


IMAGE_USES = {
    # A card in a grid: a full-width column on a phone, about a third of 76rem beside.
    "card": ImageUse(("fill-320x180", "fill-640x360"), "(max-width: 40rem) 100vw, 24rem"),
    # The image at the top of a case study or a city page, above the fold.
    "lead": ImageUse(
        ("width-480", "width-800", "width-1200"), "(max-width: 48rem) 100vw, 46rem", lazy=False
    ),
    # A figure in the body of a page.
    "figure": ImageUse(
        ("width-480", "width-800", "width-1200"), "(max-width: 48rem) 100vw, 46rem"
    ),
    # The picture of a link preview (Open Graph, Twitter card): the 1.91:1 size both ask for.
    "share": ImageUse(("fill-1200x630",), ""),
}


def responsive_image(image, use, **attrs):
    """An <img> with a srcset of the renditions for `use` (a key of IMAGE_USES)."""
    image_use = IMAGE_USES[use]
    renditions = image.get_renditions(*image_use.filter_specs)
    # A small original gives several renditions of one width (Wagtail does not upscale).
    by_width = {}
    for rendition in renditions.values():
        by_width.setdefault(rendition.width, rendition)
    attrs = {"sizes": image_use.sizes, "decoding": "async", **attrs}
    if image_use.lazy:
        attrs["loading"] = "lazy"
    return ResponsiveImage({str(width): r for width, r in by_width.items()}, attrs)


def share_image(image):
    """The rendition of `image` that link previews show (`og:image`)."""
    return image.get_rendition(IMAGE_USES["share"].filter_specs[0])


@task()
def make_renditions(image_id):
    """Every rendition a page may ask for, made ahead so that no reader waits for one."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        specs = {spec for use in IMAGE_USES.values() for spec in use.filter_specs}
        image.get_renditions(*sorted(specs))


def on_image_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: make_renditions.enqueue(instance.pk))
