"""What the admin's translation editor (wagtail-localize) offers those who may not publish."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder

register = template.Library()


@register.filter
def without_convert_to_alias(props):
    """The translation editor's settings (its JSON `props`) without "Convert to alias page",
    which replaces what readers see and is refused to those who may not publish the page
    (`admin_views.convert_to_alias`); else it would be their footer's main button."""
    editor = json.loads(props)
    editor["links"]["convertToAliasUrl"] = None
    return json.dumps(editor, cls=DjangoJSONEncoder)
