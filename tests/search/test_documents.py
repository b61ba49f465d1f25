"""The index document of each page type is built from what its model declares."""

import datetime
from decimal import Decimal

from wagtail.search import index

import pytest

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyFigure, CaseStudyPage, CityPage, CityToolAudit
from network_site.factories import ChannelFactory
from search.documents import build_document
from search.facets import FACETS, facet_labels
from search.registry import declared_facets, searchable_models, type_labels
from toolkit.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


def test_the_registry_finds_every_searchable_page_type_by_its_declaration():
    assert type_labels() == {
        "case-study": "Case study",
        "city": "City",
        "update": "Partner update",
        "guide": "Guide",
        "roadmap": "Roadmap",
    }
    assert CaseStudyPage in searchable_models()


def test_every_facet_is_a_filter_field_of_a_known_facet():
    for model in searchable_models():
        for _, _, facet in declared_facets(model):
            assert isinstance(facet, index.FilterField)
            assert facet.facet in FACETS, f"{model.__name__} declares an unknown facet"
    declared = {
        facet.facet for model in searchable_models() for *_, facet in declared_facets(model)
    }
    assert declared == set(FACETS) - {"type"}


def test_a_case_study_document_holds_every_declared_field(site_tree, tartu, themes):
    facebook = ChannelFactory(name="Facebook", slug="facebook")
    guide = GuidePageFactory(parent=site_tree["toolkit"])
    page = CaseStudyPageFactory(
        parent=tartu.case_studies_section,
        title="Virtual meetings",
        summary="Citizens take part online.",
        transferability="<p>Any city with a video platform can do this.</p>",
        lessons_learned="<p>Start small.</p>",
        start_year=2017,
        themes=[themes["governance"], themes["inclusion"]],
        related_guides=[guide],
    )
    page.channels.set([facebook])
    page.tags.add("planning")
    page.save()
    CaseStudyFigure.objects.create(
        case_study=page, value=Decimal("120.00"), unit="", label="residents took part"
    )

    document = build_document(CaseStudyPage.objects.get(pk=page.pk))

    assert document["title"] == "Virtual meetings"
    assert document["summary"] == "Citizens take part online."
    for text in ("video platform", "Start small", "120 residents took part", "planning"):
        assert text in document["body"]
    assert document["theme"] == ["governance", "inclusion"]
    assert document["channel"] == ["facebook"]
    assert document["city"] == ["tartu"]
    assert document["country"] == ["EE"]
    assert document["year"] == [2017]
    assert document["type"] == ["case-study"]
    assert document["date"] == "2017-01-01"


def test_a_city_document_carries_its_audited_channels(tartu):
    facebook = ChannelFactory(name="Facebook", slug="facebook")
    CityToolAudit.objects.create(
        city=tartu, channel=facebook, purpose="Answering questions", audience="Young people"
    )

    document = build_document(CityPage.objects.get(pk=tartu.pk))

    assert document["channel"] == ["facebook"]
    assert document["city"] == ["tartu"]
    assert "Facebook · Answering questions · Young people" in document["body"]


def test_an_update_is_dated_and_faceted_by_its_own_date(tartu, themes):
    page = UpdatePageFactory(
        parent=tartu.updates_section, date=datetime.date(2018, 3, 1), themes=[themes["economy"]]
    )
    document = build_document(page.specific_class.objects.get(pk=page.pk))
    assert document["year"] == [2018]
    assert document["date"] == "2018-03-01"
    assert document["theme"] == ["economy"]


def test_facet_labels_come_from_the_models_that_hold_the_fields(tartu, ghent, themes):
    labels = facet_labels()
    assert labels["city"] == [("ghent", "Ghent"), ("tartu", "Tartu")]
    assert labels["theme"][0] == ("governance", "Governance")
    assert ("EE", "Estonia") in labels["country"]
    assert ("case-study", "Case study") in labels["type"]
    assert labels["year"] == []
    ghent.unpublish()
    assert facet_labels()["city"] == [("tartu", "Tartu")]
