"""What each role may do with translations, tried through the real admin.

The matrix of `test_permission_matrix.py` grows a translation column here: the same network
(Tartu and Ghent with their pages, the toolkit, the home page; an editor, Tartu's partner
and Ghent's), in its ten languages as the site runs (`setup_languages`, after the roles, so
the partners' permissions follow their cities into the new trees), where each page has an
Estonian translation an editor started (nothing translated yet, nothing published). Each
cell sends the request wagtail-localize's buttons send, or the translation editor's "Submit
for review"; an allowed cell must change what the user meant, a refused one must be answered
with 403 or the admin's redirect and change nothing: no translation started, no string
saved, nothing submitted, nothing readers see.
"""

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from wagtail.models import Locale, Page

import pytest
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from network_site.languages import setup_languages
from tests.casestudies.test_permission_matrix import (
    PAGE_TARGETS,
    N,
    Y,
    assert_refused,
    build_network,
    get_user,
    live,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """The network of `build_network` in ten languages, with the Estonian translations
    started; built once, each test in a savepoint rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        ids = build_network()
        setup_languages()
        estonian = Locale.objects.get(language_code="et")
        for page_key, _parent, _destination in PAGE_TARGETS.values():
            translate_object(live(ids[page_key]), [estonian], user=get_user(ids["editor"]))
        yield ids
        transaction.set_rollback(True)
    cache.clear()


# What a user does with wagtail-localize's views on a page of each kind:
# - "translate": "Translate this page" into French (the page's French version becomes a
#   translation of its own, still showing readers the English content);
# - "edit translation": type a string into the Estonian translation's editor;
# - "submit translation": the translation editor's "Submit for review";
# - "publish translation": the translation editor's "Publish in Estonian";
# - "sync": "Sync translated pages" after the English page changed;
# - "sync and publish": the same with "Publish immediately".
TRANSLATION_ACTIONS = (
    "translate",
    "edit translation",
    "submit translation",
    "publish translation",
    "sync",
    "sync and publish",
)
# fmt: off
TRANSLATION_MATRIX = {
    #                                     translate edit submit publish sync sync+publish
    ("editor", "own case study"):             (Y, Y, Y, Y, Y, Y),
    ("editor", "own update"):                 (Y, Y, Y, Y, Y, Y),
    ("editor", "own unpublished case study"): (Y, Y, Y, Y, Y, Y),
    ("editor", "own city page"):              (Y, Y, Y, Y, Y, Y),
    ("editor", "other city's case study"):    (Y, Y, Y, Y, Y, Y),
    ("editor", "other city's update"):        (Y, Y, Y, Y, Y, Y),
    ("editor", "other city page"):            (Y, Y, Y, Y, Y, Y),
    ("editor", "toolkit guide"):              (Y, Y, None, Y, Y, Y),
    ("editor", "toolkit page"):               (Y, Y, None, Y, Y, Y),
    ("editor", "home page"):                  (Y, Y, None, Y, Y, Y),
    ("partner", "own case study"):            (Y, Y, Y, N, Y, N),
    ("partner", "own update"):                (Y, Y, Y, N, Y, N),
    ("partner", "own unpublished case study"): (Y, Y, Y, N, Y, N),
    ("partner", "own city page"):             (Y, Y, Y, N, Y, N),
    ("partner", "other city's case study"):   (N, N, N, N, N, N),
    ("partner", "other city's update"):       (N, N, N, N, N, N),
    ("partner", "other city page"):           (N, N, N, N, N, N),
    ("partner", "toolkit guide"):             (N, N, N, N, N, N),
    ("partner", "toolkit page"):              (N, N, N, N, N, N),
    ("partner", "home page"):                 (N, N, N, N, N, N),
}
# fmt: on
# None: the toolkit and the home page have no review (editors publish them directly).
TRANSLATED_TITLE = "Eestikeelne pealkiri"


def translation_cells():
    for (role, target), expectations in TRANSLATION_MATRIX.items():
        for action, expected in zip(TRANSLATION_ACTIONS, expectations, strict=True):
            if expected is not None:
                yield pytest.param(role, target, action, expected, id=f"{role}-{target}-{action}")


def version_in(page, language_code):
    """`page` in another language, as the database has it now."""
    return page.get_translation(Locale.objects.get(language_code=language_code)).specific


def estonian_translation(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="et"
    )


def title_segment(translation):
    return StringSegment.objects.get(source=translation.source, context__path="title")


def translate_title(translation):
    """Type the Estonian title into the translation, as its editor's string field does."""
    segment = title_segment(translation)
    StringTranslation.objects.create(
        translation_of_id=segment.string_id,
        locale=translation.target_locale,
        context_id=segment.context_id,
        data=TRANSLATED_TITLE,
    )


def readers_see(client, page):
    """The text of `page` as a reader gets it, or None when it is not public."""
    client.logout()
    response = client.get(page.url) if page.live else None
    return response.content.decode() if response and response.status_code == 200 else None


@pytest.mark.parametrize(("role", "target", "action", "expected"), list(translation_cells()))
def test_translations(
    client, network, django_capture_on_commit_callbacks, role, target, action, expected
):
    user = get_user(network[role])
    client.force_login(user)
    page_key = PAGE_TARGETS[target][0]
    page = live(network[page_key])
    estonian = version_in(page, "et")
    translation = estonian_translation(page)
    allowed = expected == Y

    if action == "translate":
        french = version_in(page, "fr")
        assert french.alias_of_id == page.pk
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [Locale.objects.get(language_code="fr").pk]},
            )
        started = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale__language_code="fr"
        )
        french = version_in(page, "fr")
        if allowed:
            assert response.status_code == 302
            assert started.get().enabled
            assert french.alias_of_id is None
            # Nothing is published: the translation is a draft, and readers still get the
            # English page's content.
            assert french.has_unpublished_changes
            assert french.live_revision_id is None
            assert (french.live, french.title) == (page.live, page.title)
        else:
            assert_refused(response)
            assert not started.exists()
            assert french.alias_of_id == page.pk

    elif action == "edit translation":
        segment = title_segment(translation)
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            "value=" + TRANSLATED_TITLE,
            content_type="application/x-www-form-urlencoded",
        )
        typed = StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=translation.target_locale
        )
        editor = client.get(reverse("wagtailadmin_pages:edit", args=[estonian.pk]))
        if allowed:
            assert response.status_code == 201
            assert typed.get().data == TRANSLATED_TITLE
            assert TRANSLATED_TITLE in editor.content.decode()
        else:
            assert response.status_code == 403
            assert not typed.exists()
            assert_refused(editor)

    elif action == "submit translation":
        translate_title(translation)
        before = estonian.latest_revision_id
        response = client.post(reverse("submit_translation_for_review", args=[estonian.pk]))
        after = live(estonian.pk)
        if allowed:
            assert response.url == reverse("wagtailadmin_home")
            assert after.workflow_in_progress
            assert after.get_latest_revision_as_object().title == TRANSLATED_TITLE
            # Submitting publishes nothing.
            assert (after.live, after.title) == (estonian.live, estonian.title)
        else:
            assert_refused(response)
            assert not after.workflow_in_progress
            assert after.latest_revision_id == before

    elif action == "publish translation":
        translate_title(translation)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtailadmin_pages:edit", args=[estonian.pk]), {"action": "publish"}
            )
        after = live(estonian.pk)
        if allowed:
            assert response.status_code == 302
            assert (after.live, after.title) == (True, TRANSLATED_TITLE)
            assert TRANSLATED_TITLE in readers_see(client, after)
        else:
            assert_refused(response)
            assert (after.live, after.title) == (estonian.live, estonian.title)
            assert TRANSLATED_TITLE not in (readers_see(client, after) or "")

    elif action == "sync":
        # The English page's live title changes, as publishing a new title does.
        new_title = "Renamed in English"
        Page.objects.filter(pk=page.pk).update(title=new_title)
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id])
        )
        translation.source.refresh_from_db()
        # What the translation editor offers to translate.
        source_title = translation.source.as_instance().title
        if allowed:
            assert response.status_code == 302
            assert source_title == new_title
        else:
            assert_refused(response)
            assert source_title == page.title

    elif action == "sync and publish":
        translate_title(translation)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:update_translations", args=[translation.source_id]),
                {"publish_translations": "on"},
            )
        after = live(estonian.pk)
        if allowed:
            assert response.status_code == 302
            assert (after.live, after.title) == (True, TRANSLATED_TITLE)
        else:
            assert_refused(response)
            assert (after.live, after.title) == (estonian.live, estonian.title)


@pytest.mark.parametrize(
    ("role", "own", "other"), [("partner", "tartu", "ghent"), ("ghent partner", "ghent", "tartu")]
)
def test_each_partner_translates_its_own_city_only(client, network, role, own, other):
    """Tartu's partner and Ghent's, each on both cities' case studies: translated into
    Estonian (Tartu's language) and Dutch (Ghent's)."""
    client.force_login(get_user(network[role]))
    for city, allowed in ((own, True), (other, False)):
        page = live(network[f"{city}_case_study"])
        for language_code in ("fr", "nl"):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [Locale.objects.get(language_code=language_code).pk]},
            )
            version = version_in(page, language_code)
            if allowed:
                assert response.status_code == 302
                assert version.alias_of_id is None
                editor = client.get(reverse("wagtailadmin_pages:edit", args=[version.pk]))
                assert "Submit the " in editor.content.decode()
            else:
                assert_refused(response)
                assert version.alias_of_id == page.pk


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("partner", False)])
def test_only_publishers_turn_a_translation_back_into_an_alias(
    client, network, django_capture_on_commit_callbacks, role, allowed
):
    """The translation editor's "Convert to alias page" puts the English page back in place
    of a published translation at once, so it is for those who may publish."""
    page = live(network["tartu_case_study"])
    translation = estonian_translation(page)
    translate_title(translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=get_user(network["editor"]), publish=True)
    estonian = version_in(page, "et")
    client.force_login(get_user(network[role]))
    convert_url = reverse("wagtail_localize:convert_to_alias", args=[estonian.pk])
    translation_editor = client.get(reverse("wagtailadmin_pages:edit", args=[estonian.pk]))
    assert (convert_url in translation_editor.content.decode()) == allowed
    response = client.post(convert_url)
    after = version_in(page, "et")
    if allowed:
        assert response.status_code == 302
        assert after.alias_of_id == page.pk
        assert page.title in readers_see(client, after)
    else:
        assert_refused(response)
        assert after.alias_of_id is None
        assert TRANSLATED_TITLE in readers_see(client, after)
