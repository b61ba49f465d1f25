"""Which images and documents a user may put on a page: one rule for every page form.

A user may use an image or a document on a page if they may choose it (Wagtail's "choose"
permission on its collection: a partner their city's collection, editors every one), or if
the page already had it when the form was opened, so that a partner can edit a page whose
image an editor chose from elsewhere. The choosers only offer what a user may choose, but
the form accepts any id that is posted; this is the check on what is posted.

It looks wherever Wagtail's reference index looks: foreign keys, StreamField blocks
(image and document choosers, in any struct), links in rich text, and the same in inline
rows.
"""

from django.core.exceptions import FieldDoesNotExist
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from modelcluster.models import get_all_child_relations


def permission_policies():
    """The permission policy of each media model."""
    return {model: policy_registry.get_by_type(model) for model in media_models()}


def media_models():
    return (get_image_model(), get_document_model())


def media_in_fields(model, values):
    """(media model, id, field name) for each image or document that `values`, pairs of
    (field name, value) of `model`'s fields, refer to."""
    models = media_models()
    for name, value in values:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if value is None:
            continue
        if field.many_to_one and field.related_model in models:
            yield field.related_model, str(getattr(value, "pk", value)), name
        elif hasattr(field, "extract_references"):
            for to_model, object_id, _, _ in field.extract_references(value):
                if to_model in models:
                    yield to_model, str(object_id), name


def media_on(instance):
    """{(media model, id)} of every image and document `instance` (a page as the form
    opened it, saved or not) refers to, its inline rows included."""
    values = (
        (field.name, field.value_from_object(instance)) for field in instance._meta.concrete_fields
    )
    found = {(model, object_id) for model, object_id, _ in media_in_fields(type(instance), values)}
    for relation in get_all_child_relations(instance):
        for child in getattr(instance, relation.get_accessor_name()).all():
            found |= media_on(child)
    return found


def refused_media(user, used, allowed):
    """The (model, id) pairs of `used` that are neither in `allowed` nor choosable by `user`."""
    refused = set()
    policies = permission_policies()
    for model, policy in policies.items():
        ids = {object_id for media_model, object_id in used - allowed if media_model is model}
        if ids:
            choosable = policy.instances_user_has_any_permission_for(user, ["choose"])
            ok = {str(pk) for pk in choosable.filter(pk__in=ids).values_list("pk", flat=True)}
            refused |= {(model, object_id) for object_id in ids - ok}
    return refused


def forms_and_models(form):
    """The form and each live row of its inline formsets, with the model each one edits."""
    yield form, form._meta.model
    for formset in getattr(form, "formsets", {}).values():
        for row in formset.forms:
            if row.is_valid() and not row.cleaned_data.get(DELETION_FIELD_NAME):
                yield from forms_and_models(row)


def refuse_media_the_user_may_not_choose(form, user):
    """Give each field of `form` (a page form, in its `clean()`) that uses an image or a
    document `user` may not choose, and that the page did not have before, a form error."""
    allowed = media_on(form.instance)
    uses = [
        (row, name, (model, object_id))
        for row, model_class in forms_and_models(form)
        for model, object_id, name in media_in_fields(model_class, row.cleaned_data.items())
    ]
    refused = refused_media(user, {media for _, _, media in uses}, allowed)
    for row, name, media in uses:
        if media in refused and name not in row.errors:
            row.add_error(name, refusal_message(media[0]))


def refusal_message(model):
    """What a user is told who may not use an image or a document (`model`) on a page."""
    if model is get_image_model():
        return gettext(
            "You may not use this image: it is in a collection you cannot choose from. "
            "Choose another image."
        )
    return gettext(
        "You may not use this document: it is in a collection you cannot choose from. "
        "Choose another document."
    )
