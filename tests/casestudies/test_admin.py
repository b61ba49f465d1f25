"""The editors' flat lists of case studies and updates across all cities."""

import re

from casestudies.factories import CaseStudyPageFactory, UpdatePageFactory


def test_editors_see_every_case_study_with_its_city(admin_client, tartu, ghent):
    CaseStudyPageFactory(parent=tartu.case_studies_section, title="Virtual meetings")
    CaseStudyPageFactory(parent=ghent.case_studies_section, title="Neighbourhood budgets")
    response = admin_client.get("/admin/case_studies/?ordering=-city__title")
    assert response.status_code == 200
    rows = re.findall(
        r"(Neighbourhood budgets|Virtual meetings).*?(Ghent|Tartu)", response.text, re.S
    )
    assert rows == [("Virtual meetings", "Tartu"), ("Neighbourhood budgets", "Ghent")]


def test_editors_see_every_update(admin_client, tartu, ghent):
    UpdatePageFactory(parent=tartu.updates_section, title="Spring news")
    UpdatePageFactory(parent=ghent.updates_section, title="Autumn news")
    response = admin_client.get("/admin/partner_updates/")
    assert "Spring news" in response.text
    assert "Autumn news" in response.text
