from django import template

from network_site.images import responsive_image

register = template.Library()


@register.simple_tag
def responsive(image, use, **attrs):
    """`{% responsive page.image "lead" alt="" %}`: the image in the sizes of that use (see
    network_site/images.py), lazily loaded unless it is at the top of the page."""
    return responsive_image(image, use, **attrs)
