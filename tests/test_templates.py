"""The templates as files and as components: short lines, one badge, cards that fit their data."""

import datetime
import re

from django.template.loader import get_template, render_to_string

from wagtail.models import get_page_models

from network_site.settings.base import BASE_DIR
from search.query import Hit

TEMPLATES = BASE_DIR / "templates"
MAX_LINE_LENGTH = 120


def template_files():
    return sorted(path for path in TEMPLATES.rglob("*") if path.is_file())


def test_no_template_line_is_longer_than_120_characters():
    assert template_files(), f"no templates found under {TEMPLATES}"
    too_long = [
        f"{path.relative_to(BASE_DIR)}:{number}: {len(line)} characters"
        for path in template_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_LINE_LENGTH
    ]
    assert not too_long, "Template lines over 120 characters:\n" + "\n".join(too_long)


def test_the_provenance_badge_is_written_in_one_place_only():
    """Every provenance badge goes through components/provenance_badge.html, so changing what
    badges say means changing that one file."""
    badge = TEMPLATES / "components" / "provenance_badge.html"
    assert "badge--{{ provenance.value }}" in badge.read_text(encoding="utf-8")
    levels = ("badge--sample", "badge--mixed", "badge--documented", "badge--{{ provenance")
    elsewhere = [
        str(path.relative_to(TEMPLATES))
        for path in template_files()
        if path != badge and any(level in path.read_text(encoding="utf-8") for level in levels)
    ]
    assert elsewhere == []


def test_every_page_card_template_exists():
    models = [model for model in get_page_models() if hasattr(model, "card_template")]
    assert {model.__name__ for model in models} >= {
        "CaseStudyPage",
        "CityPage",
        "GuidePage",
        "RoadmapPage",
        "UpdatePage",
    }
    for model in models:
        get_template(model.card_template)


def test_a_date_renders_inline_with_no_space_around_it():
    html = render_to_string("components/date.html", {"date": datetime.date(2017, 3, 14)})
    assert html == '<time datetime="2017-03-14">14 March 2017</time>'


def hit(**fields):
    return Hit(
        **{
            "page_id": 1,
            "title": "Neighbourhood budgets",
            "url": "/en/cities/ghent/case-studies/neighbourhood-budgets/",
            "type": {"slug": "case-study", "label": "Case study"},
            "year": 2017,
            "snippet": "Residents vote on projects online.",
            **fields,
        }
    )


def meta_and_tags(html):
    """The city shown in the card's top line, and the tags listed under it."""
    city = re.search(r'<span class="card__city">([^<]*)</span>', html)
    return city and city.group(1), re.findall(r"<li>([^<]*)</li>", html)


def test_a_search_hit_shows_the_labels_of_its_city_and_themes():
    html = render_to_string(
        "components/cards/search_hit.html",
        {
            "item": hit(
                city={"slug": "ghent", "label": "Ghent"},
                themes=[
                    {"slug": "economy", "label": "Economy"},
                    {"slug": "governance", "label": "Governance"},
                ],
            )
        },
    )
    assert meta_and_tags(html) == ("Ghent", ["Economy", "Governance"])
    assert (
        'href="/en/cities/ghent/case-studies/neighbourhood-budgets/">Neighbourhood budgets' in html
    )
    assert "Case study" in html
    assert "2017" in html
