"""Citing a case study or a guide: the "Cite this" block and the BibTeX, RIS and CSL-JSON
downloads, read as a reference manager would read them."""

import datetime
import html
import json
import re

from django.utils import timezone

from wagtail.models import Locale

import bibtexparser
import pytest
from pylatexenc.latex2text import LatexNodes2Text
from wagtail_localize.synctree import create_aliases_for_new_page

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CityCaseStudiesPage
from demo.translations import translate
from network_site.languages import setup_languages
from toolkit.factories import GuidePageFactory, RoadmapPageFactory

NETWORK = "URBACT Interactive Cities network"


@pytest.fixture
def case_study(tartu):
    page = CaseStudyPageFactory(
        parent=CityCaseStudiesPage.objects.child_of(tartu).get(),
        title="Participatory budgeting",
        slug="participatory-budgeting",
    )
    page.first_published_at = datetime.datetime(2019, 5, 1, tzinfo=datetime.UTC)
    page.save(update_fields=["first_published_at"])
    return page


def address(page):
    """The page's address as the test client's reader sees it."""
    return f"http://testserver{page.url}"


def download(client, page, file_format):
    return client.get(f"{page.url}cite/{file_format}/")


def parse_bibtex(text):
    """The one entry of a BibTeX file, failing on anything a parser could not read."""
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert len(library.entries) == 1
    return library.entries[0]


def parse_ris(text):
    """The tags of a RIS record, read line by line as the RIS specification writes it."""
    lines = text.split("\r\n")
    assert lines[-1] == ""  # Every line ends in CR LF.
    lines = lines[:-1]
    tags = {}
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not a RIS line: {line!r}"
        tags.setdefault(match[1], []).append(match[2])
    assert lines[0] == "TY  - ELEC"
    assert lines[-1] == "ER  - "
    return tags


def shown_citations(client, page):
    """The APA and Chicago texts in the page's "Cite this" block."""
    content = client.get(page.url).content.decode()
    texts = re.findall(r'<textarea id="cite-(\w+)"[^>]*>(.*?)</textarea>', content, re.S)
    return {style: html.unescape(text) for style, text in texts}


def test_the_apa_text_names_the_city_the_year_and_the_address(client, case_study):
    today = timezone.localdate()
    apa = shown_citations(client, case_study)["apa"]
    assert apa.startswith("City of Tartu. (2019). Participatory budgeting. ")
    assert NETWORK in apa
    assert f"Retrieved {today:%B} {today.day}, {today.year}, from " in apa
    assert apa.endswith(f"from {address(case_study)}")


def test_the_chicago_text_is_author_date(client, case_study):
    chicago = shown_citations(client, case_study)["chicago"]
    assert chicago.startswith("City of Tartu. 2019. “Participatory budgeting.” ")
    assert chicago.endswith(f"{address(case_study)}.")


def test_the_bibtex_download_imports_with_every_field(client, case_study):
    response = download(client, case_study, "bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="participatory-budgeting-2019.bib"'
    )
    entry = parse_bibtex(response.content.decode())
    assert entry.entry_type == "misc"
    fields = entry.fields_dict
    # The second pair of braces: one organisation, not "Tartu, City of".
    assert fields["author"].value == "{City of Tartu}"
    assert fields["title"].value == "Participatory budgeting"
    assert fields["publisher"].value == NETWORK
    assert fields["year"].value == "2019"
    assert fields["url"].value == address(case_study)
    assert fields["urldate"].value == timezone.localdate().isoformat()
    assert fields["language"].value == "english"


def test_the_download_gives_the_day_it_is_downloaded(client, case_study):
    response = download(client, case_study, "bib")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("title", ["Data & trust: 100% open {really}", "C:\\path_to #1 ~ $5 ^"])
def test_a_title_with_special_characters_stays_valid_bibtex(client, case_study, title):
    case_study.title = title
    case_study.save_revision().publish()
    entry = parse_bibtex(download(client, case_study, "bib").content.decode())
    value = entry.fields_dict["title"].value
    assert value.count("{") - value.count(r"\{") == value.count("}") - value.count(r"\}")
    assert "\\&" in value or "\\textbackslash{}" in value
    # LaTeX reads it back as the title (pylatexenc writes \textasciicircum as "ˆ").
    assert LatexNodes2Text().latex_to_text(value).replace("ˆ", "^") == title


def test_a_title_keeps_its_accented_letters(client, case_study):
    case_study.title = "Kõik räägivad: résumé"
    case_study.save_revision().publish()
    response = download(client, case_study, "bib")
    entry = parse_bibtex(response.content.decode("utf-8"))
    assert entry.fields_dict["title"].value == "Kõik räägivad: résumé"


def test_the_ris_download_imports_with_every_tag(client, case_study):
    response = download(client, case_study, "ris")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"].endswith('filename="participatory-budgeting-2019.ris"')
    tags = parse_ris(response.content.decode())
    assert tags["TI"] == ["Participatory budgeting"]
    assert tags["AU"] == ["City of Tartu"]
    assert tags["PB"] == [NETWORK]
    assert tags["PY"] == ["2019"]
    assert tags["UR"] == [address(case_study)]
    assert tags["Y2"] == [timezone.localdate().strftime("%Y/%m/%d")]
    assert tags["LA"] == ["English"]


def test_the_csl_json_download_has_what_reference_managers_read(client, case_study):
    response = download(client, case_study, "json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(response.content)
    today = timezone.localdate()
    assert item["type"] == "webpage"
    assert item["title"] == "Participatory budgeting"
    assert item["author"] == [{"literal": "City of Tartu"}]
    assert item["publisher"] == NETWORK
    assert item["URL"] == address(case_study)
    assert item["issued"] == {"date-parts": [[2019]]}
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert item["language"] == "en"


def test_an_unknown_format_is_not_found(client, case_study):
    assert download(client, case_study, "docx").status_code == 404


def test_a_draft_case_study_has_no_citation(client, case_study):
    case_study.unpublish()
    assert download(client, case_study, "bib").status_code == 404


def test_a_guide_is_cited_as_the_networks(client, site_tree):
    guide = GuidePageFactory(parent=site_tree["toolkit"], title="Moderating comments")
    apa = shown_citations(client, guide)["apa"]
    # The network is the author, so it is not named again as the publisher.
    assert apa.startswith(f"{NETWORK}. (")
    assert apa.count(NETWORK) == 1
    tags = parse_ris(download(client, guide, "ris").content.decode())
    assert tags["AU"] == [NETWORK]
    assert tags["TI"] == ["Moderating comments"]


def test_the_roadmap_is_cited_as_the_networks(client, site_tree):
    roadmap = RoadmapPageFactory(parent=site_tree["toolkit"])
    assert shown_citations(client, roadmap)["apa"].startswith(f"{NETWORK}. (")
    entry = parse_bibtex(download(client, roadmap, "bib").content.decode())
    assert entry.fields_dict["author"].value == "{" + NETWORK + "}"
    assert entry.fields_dict["title"].value == "Implementation roadmap"


@pytest.fixture(scope="module")
def languages(site, django_db_blocker):
    """The module's site in the ten languages, rolled back with it."""
    with django_db_blocker.unblock():
        setup_languages()


def test_the_italian_version_is_cited_as_italian_at_its_address(client, case_study, languages):
    create_aliases_for_new_page(case_study)
    translate(case_study, "it", {"Participatory budgeting": "Bilancio partecipativo"})
    italian = case_study.get_translation(Locale.objects.get(language_code="it")).specific
    assert "/it/" in address(italian)

    apa = shown_citations(client, italian)["apa"]
    # "[Italian translation]", in Italian where the catalogue has it.
    assert re.search(r"Bilancio partecipativo \[[^\]]*[Ii]talian", apa)
    assert apa.endswith(address(italian))
    entry = parse_bibtex(download(client, italian, "bib").content.decode())
    assert entry.fields_dict["language"].value == "italian"
    assert entry.fields_dict["url"].value == address(italian)
    assert parse_ris(download(client, italian, "ris").content.decode())["LA"] == ["Italian"]
    assert json.loads(download(client, italian, "json").content)[0]["language"] == "it"


def test_a_version_not_yet_translated_is_cited_as_english(client, case_study, languages):
    create_aliases_for_new_page(case_study)
    alias = case_study.get_translation(Locale.objects.get(language_code="nl")).specific
    apa = shown_citations(client, alias)["apa"]
    assert "Participatory budgeting." in apa
    assert "[" not in apa
    assert apa.endswith(address(alias))
