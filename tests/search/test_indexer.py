"""The index follows the published site: publish, unpublish, drafts, privacy, moves, deletes."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CityToolAudit
from network_site.factories import ChannelFactory
from search.query import SearchQuery
from search.service import get_search_service


def found(text="", **selected):
    results = get_search_service().search(
        SearchQuery(text=text, selected={k: tuple(v) for k, v in selected.items()}, sort="title")
    )
    return [hit.title for hit in results.hits]


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page as an editor does, running what waits for the commit."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def case_study(tartu, themes, publish):
    page = CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Virtual meetings",
        summary="Citizens join meetings online.",
        themes=[themes["governance"]],
    )
    return publish(page)


def test_a_published_page_is_found(case_study):
    assert found("meetings") == ["Virtual meetings"]
    assert found(city=["tartu"], type=["case-study"]) == ["Virtual meetings"]


def test_words_only_in_a_draft_are_not_found(case_study, django_capture_on_commit_callbacks):
    case_study.summary = "A secret new approach."
    with django_capture_on_commit_callbacks(execute=True):
        case_study.save_revision()
    assert found("secret") == []
    assert found("meetings") == ["Virtual meetings"]


def test_an_unpublished_page_is_gone(case_study, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case_study.unpublish()
    assert found("meetings") == []


def test_a_private_section_is_not_found(case_study, tartu, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=tartu, restriction_type="groups")
        restriction.groups.set([Group.objects.create(name="Partners")])
    assert found("meetings") == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found("meetings") == ["Virtual meetings"]


def test_a_moved_page_changes_city(case_study, ghent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case_study.move(ghent.case_studies_section, pos="last-child")
    assert found(city=["ghent"], type=["case-study"]) == ["Virtual meetings"]
    assert found(city=["tartu"], type=["case-study"]) == []


def test_a_deleted_page_is_gone(case_study, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case_study.delete()
    assert found("meetings") == []


def test_an_unpublished_city_takes_its_content_with_it(
    case_study, tartu, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tartu.unpublish()  # its case studies stay live, but the city is gone
    assert found("meetings") == []


def test_a_renamed_theme_slug_is_reindexed(case_study, themes, django_capture_on_commit_callbacks):
    theme = themes["governance"]
    theme.slug = "good-governance"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    assert found(theme=["good-governance"]) == ["Virtual meetings"]


def test_a_renamed_channel_slug_is_reindexed_on_cities_too(
    tartu, publish, django_capture_on_commit_callbacks
):
    channel = ChannelFactory(name="Facebook")
    CityToolAudit.objects.create(city=tartu, channel=channel, purpose="News", audience="All")
    publish(tartu)
    channel.slug = "facebook-pages"
    with django_capture_on_commit_callbacks(execute=True):
        channel.save()
    assert found(channel=["facebook-pages"]) == ["Tartu"]


def test_paragraphs_and_entities_are_read_as_text(tartu, themes, publish):
    publish(
        CaseStudyPageFactory(
            parent=tartu.case_studies_section,
            title="Paragraphs",
            summary="Short.",
            challenge="<p>We held meetings</p><p>Citizens &amp; R&amp;D teams</p>",
            themes=[themes["governance"]],
        )
    )
    assert found("meetings") == ["Paragraphs"]
    assert found("amp") == []


def test_a_deleted_theme_is_dropped_from_the_documents(
    case_study, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        themes["governance"].delete()
    assert found("meetings") == ["Virtual meetings"]
    results = get_search_service().search(SearchQuery(text="meetings"))
    assert results.facets["theme"] == []
