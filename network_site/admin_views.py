"""Admin views the site narrows down from Wagtail's own."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_info, ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.admin.views.tags import autocomplete as wagtail_tag_autocomplete
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

from taggit.models import Tag, TaggedItemBase
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.convert import convert_to_alias as wagtail_convert_to_alias
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from .pages import readable_pages
from .translation_access import may_publish, may_translate


def can_publish_anywhere(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


def for_publishers_only(view):
    """Refuse `view` to admin users who may publish nowhere, i.e. partners."""

    def view_for_publishers(request, *args, **kwargs):
        if not can_publish_anywhere(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(view_for_publishers)


# Wagtail's "Page types usage" report names, for each page type, the page last edited
# anywhere on the site, drafts included: a partner would read other cities' draft titles.
page_types_usage = for_publishers_only(PageTypesUsageReportView.as_view())
page_types_usage_results = for_publishers_only(PageTypesUsageReportView.as_view(results_only=True))
# wagtail-localize's "Translations" report lists every translation with its source's title,
# other cities' unpublished pages included.
translations_report = for_publishers_only(TranslationsReportView.as_view())
translations_report_results = for_publishers_only(
    TranslationsReportView.as_view(results_only=True)
)


# wagtail-localize's "Translate" and "Sync translated pages" views check only its
# `submit_translation` permission, which is tied to no page or snippet: with it a partner
# could start translations of another city's pages (creating pages in the other languages'
# trees), translate the taxonomy (saved, so public, at once) or sync and publish every
# translation of any page. The wrappers below let them through only to what the user may
# translate, and publish only where the user may publish (`translation_access`).


@require_admin_access
def submit_page_translation(request, page_id):
    """wagtail-localize's "Translate this page", for the pages the user may edit."""
    if not may_translate(request.user, get_object_or_404(Page, pk=page_id)):
        raise PermissionDenied
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@require_admin_access
def submit_snippet_translation(request, app_label, model_name, pk):
    """wagtail-localize's "Translate" for a snippet, for the snippet types the user may
    change."""
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not may_translate(request.user, get_object_or_404(model, pk=unquote(pk))):
        raise PermissionDenied
    return SubmitSnippetTranslationView.as_view()(
        request, app_label=app_label, model_name=model_name, pk=pk
    )


@require_admin_access
def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", for what the user may translate; its
    "Publish immediately" only for users who may publish every one of the translations."""
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not may_translate(request.user, instance):
        raise PermissionDenied
    form = UpdateTranslationsForm(request.POST) if request.method == "POST" else None
    if form is not None and form.is_valid() and form.cleaned_data["publish_translations"]:
        translations = source.translations.filter(enabled=True).select_related("target_locale")
        if not all(
            may_publish(request.user, translation.get_target_instance())
            for translation in translations
        ):
            raise PermissionDenied
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


@require_admin_access
def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for users who may publish the page: it
    replaces the page's live content with the English page's at once."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return wagtail_convert_to_alias(request, page_id)


@require_admin_access
@require_POST
@transaction.atomic
def submit_translation_for_review(request, page_id):
    """Send a page's translation, as it stands in the translation editor, to the page's
    review workflow, as "Submit to Partner review" does in Wagtail's page editor.

    wagtail-localize's translation editor offers no submission: it keeps the translated
    strings apart from the page and offers only "Publish in <language>", to those who may
    publish. This saves a revision of the page with the translated strings (the live page is
    not touched) and starts the workflow, or resumes it when the page was sent back for
    changes; an editor's approval publishes that revision. Offered in the translation editor
    to those who may edit but not publish (templates/wagtail_localize/admin/).
    """
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or permissions.page_locked():
        raise PermissionDenied
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        source__object_id=page.translation_key,
        target_locale_id=page.locale_id,
        enabled=True,
    )
    back_to_the_editor = redirect("wagtailadmin_pages:edit", page.pk)
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, "This page has no review: publish the translation instead.")
        return back_to_the_editor
    translated = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        translated.save_revision(user=request.user, log_action=True)
    except ValidationError as error:
        messages.error(request, f"The translation was not submitted: {' '.join(error.messages)}")
        return back_to_the_editor
    state = translated.current_workflow_state
    if state is None:
        workflow.start(translated, request.user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    language = get_language_info(translation.target_locale.language_code)["name_translated"]
    messages.success(
        request,
        f"The {language} translation of '{translated.get_admin_display_title()}' has been "
        f"submitted for review.",
    )
    return redirect("wagtailadmin_home")


@require_admin_access
def page_bulk_action(request, action):
    """Wagtail's bulk actions on pages, asked only about pages the user may act on.

    Wagtail's confirmation page lists every page whose id is in the address, with its
    latest draft title, those the user may not touch included: a partner could read other
    cities' drafts by asking for their ids. For users who may publish nowhere (partners),
    the ids, and "all" (the pages of the listing they came from), are narrowed to the pages
    they may change before Wagtail sees them.
    """
    if not can_publish_anywhere(request.user):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        if "all" in request.GET.getlist("id"):
            parent_id = request.GET.get("childOf", "")
            parent = Page.objects.filter(pk=parent_id).first() if parent_id.isdigit() else None
            ids = []
            if parent is not None:
                listed = (
                    parent.get_descendants() if request.GET.get("q") else parent.get_children()
                )
                ids = listed.values_list("pk", flat=True)
        changeable = PagePermissionPolicy().instances_user_has_any_permission_for(
            request.user, ["change"]
        )
        narrowed = request.GET.copy()
        narrowed.setlist(
            "id", [str(pk) for pk in changeable.filter(pk__in=ids).values_list("pk", flat=True)]
        )
        request.GET = QueryDict(narrowed.urlencode())
        request.META["QUERY_STRING"] = narrowed.urlencode()
    return wagtail_bulk_action(request, "wagtailcore", "page", action)


@require_admin_access
def tag_autocomplete(request):
    """Wagtail's tag suggestions; for users who may publish nowhere (partners), only the tags
    of pages readers see and of the pages they may change themselves.

    Wagtail suggests every tag in the database, and a tag can exist only on another city's
    unpublished draft. (Partners' suggestions therefore leave out the tags of images and
    documents.)
    """
    if can_publish_anywhere(request.user):
        return wagtail_tag_autocomplete(request)
    term = request.GET.get("term", "")
    own = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change"])
    pages = Q(pk__in=readable_pages().values("pk")) | Q(pk__in=own.values("pk"))
    tags = Tag.objects.filter(tags_on(Page.objects.filter(pages)), name__istartswith=term)
    names = (
        tags.order_by("name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
        if term
        else []
    )
    return JsonResponse(list(names), safe=False)


def tags_on(pages):
    """A condition on Tag: used on one of `pages`, through any tagged-item model of pages."""
    condition = Q(pk__in=[])
    for relation in Tag._meta.related_objects:
        through = relation.related_model
        if issubclass(through, TaggedItemBase) and hasattr(through, "content_object"):
            target = through._meta.get_field("content_object").related_model
            if target is not None and issubclass(target, Page):
                used = through.objects.filter(content_object__in=pages.values("pk"))
                condition |= Q(pk__in=used.values("tag"))
    return condition


def login_locked_out(request, original_response, credentials):
    """Wagtail's sign-in page, with a message saying why and for how long sign-in is refused.

    django-axes calls it (settings.AXES_LOCKOUT_CALLABLE) when a username has had too many
    wrong passwords from one address, in place of its bare "Account locked" text. The answer
    is 429 Too Many Requests; the username stays in the form.
    """
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    messages.error(
        request,
        ngettext(
            "Too many wrong passwords for this username from your address: signing in is "
            "paused for %(minutes)s minute. Wait, then try again; if you have forgotten your "
            "password, ask an administrator to set a new one.",
            "Too many wrong passwords for this username from your address: signing in is "
            "paused for %(minutes)s minutes. Wait, then try again; if you have forgotten your "
            "password, ask an administrator to set a new one.",
            minutes,
        )
        % {"minutes": minutes},
    )
    view = LoginView()
    view.setup(request)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = view.get_form_class()(request, initial={"username": username})
    return render(request, view.template_name, view.get_context_data(form=form), status=429)
