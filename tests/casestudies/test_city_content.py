"""A case study or update always knows its city, from where it sits in the tree."""

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory
from casestudies.models import CaseStudyPage


def test_case_study_takes_its_city_from_the_tree(tartu):
    case_study = CaseStudyPageFactory(parent=tartu.case_studies_section)
    update = UpdatePageFactory(parent=tartu.updates_section)
    assert case_study.city == tartu
    assert update.city == tartu


def test_moving_a_case_study_to_another_city_changes_its_city(tartu, ghent):
    case_study = CaseStudyPageFactory(parent=tartu.case_studies_section)
    case_study.move(ghent.case_studies_section, pos="last-child")
    assert CaseStudyPage.objects.get(pk=case_study.pk).city == ghent


def test_case_study_years_read_as_people_write_them():
    page = CaseStudyPageFactory.build(start_year=2016, end_year=2018)
    assert page.years == "2016–2018"
    page = CaseStudyPageFactory.build(start_year=2016, end_year=None, status="running")
    assert page.years == "2016 onwards"
    page = CaseStudyPageFactory.build(start_year=2017, end_year=2017)
    assert page.years == "2017"
