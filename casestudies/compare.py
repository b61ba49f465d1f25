"""Case studies side by side: which ones a compare address asks for, and what the compare
page (`CaseStudyIndexPage`'s route `compare/`) shows of each.

The address is the whole state, so it can be shared: `?ids=12,15,19`, or `?ids=12&ids=15`
as a form of checkboxes sends it, or a mix. An id may be that of any language's version of
a case study: the reader gets the version in their own language (`readable_in_order`, the
one reader rule). What the reader may not see (a draft, a private page), another type of
page, an unknown id and anything that is no id are left out and named on the page.

Per 1,000 residents: a result figure that counts people is also given per 1,000 residents
of the case study's city (its `population`). Whether a figure counts people is read from
the unit of its English version (figures are translated with their case study and keep a
`translation_key`): the unit, in lower case, is one of `PEOPLE_UNITS`. The English unit,
because the translated units are free text in nine languages. An editor who wants a figure
given per 1,000 residents writes one of these units in English.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.utils.translation import get_language

from network_site.languages import SOURCE_LANGUAGE, content_languages
from network_site.pages import readable_in_order_each

MAX_COMPARED = 4
# The ids of an address beyond these are not looked up (they count as "more than four").
MAX_IDS_READ = 12
# An id: a positive integer small enough for every database's integer column.
ID = re.compile(r"[1-9][0-9]{0,8}")
# A value that is no id is named on the page, cut to this length.
SHOWN_VALUE_LENGTH = 20
# The English units of figures that count people.
PEOPLE_UNITS = frozenset(
    {
        "people",
        "persons",
        "residents",
        "inhabitants",
        "citizens",
        "participants",
        "users",
        "visitors",
        "members",
        "volunteers",
    }
)


@dataclass
class ComparedFigure:
    """A result figure as the compare page shows it: value, unit and label in the reader's
    language, and the value per 1,000 residents of the city (None where the figure does
    not count people or the city's population is not known)."""

    value: Decimal
    unit: str
    label: str
    per_thousand: Decimal | None = None


@dataclass
class Column:
    """One case study of the comparison, with its figures and the address of the
    comparison without it."""

    page: object
    figures: list = field(default_factory=list)
    remove_query: str = ""

    # Whether the column shows the English content in another language's tree (an alias,
    # or a translation not yet published): `network_site.languages.content_languages`.
    is_english_fallback: bool = False


@dataclass
class Comparison:
    """What a compare address asks for and what of it is shown."""

    columns: list
    left_out: list  # the values asked for that are not shown, as typed (cut short)
    too_many: bool  # more than MAX_COMPARED case studies were asked for

    @property
    def is_comparable(self):
        return len(self.columns) >= 2

    @property
    def query(self):
        """The address's query string for the case studies shown: `ids=12,15,19`."""
        return ids_query([column.page.pk for column in self.columns])


def ids_query(ids):
    query = QueryDict(mutable=True)
    query["ids"] = ",".join(str(pk) for pk in ids)
    return query.urlencode(safe=",")


def asked_values(query):
    """The values of `ids` in a query (QueryDict), split at commas, in order, empty ones
    dropped: `ids=1,2&ids=3` gives ["1", "2", "3"]."""
    return [part.strip() for value in query.getlist("ids") for part in value.split(",")]


def compare(query, case_study_model):
    """The `Comparison` a compare address's query (a QueryDict) asks for: at most
    MAX_COMPARED readable case studies (of `case_study_model`), in the reader's language,
    in the order asked, each once. Queries do not grow with the number compared."""
    values = [value for value in asked_values(query) if value]
    read, unread = values[:MAX_IDS_READ], values[MAX_IDS_READ:]
    ids = [int(value) for value in read if ID.fullmatch(value)]
    # Each id on its own: one list per id tells which ids found a page (an id of another
    # language's version finds the reader's version, with another id), with the same
    # queries as one list.
    found = dict(zip(ids, readable_in_order_each([[pk] for pk in ids]), strict=True))
    pages, left_out = [], []
    for value in read:
        chosen = found.get(int(value), []) if ID.fullmatch(value) else []
        page = chosen[0] if chosen else None
        if not isinstance(page, case_study_model):
            if value[:SHOWN_VALUE_LENGTH] not in left_out:
                left_out.append(value[:SHOWN_VALUE_LENGTH])
        elif page not in pages:
            pages.append(page)
    too_many = len(pages) > MAX_COMPARED or bool(unread)
    pages = pages[:MAX_COMPARED]
    return Comparison(
        columns=columns_of(pages, case_study_model), left_out=left_out, too_many=too_many
    )


def columns_of(pages, case_study_model):
    """A `Column` for each of the case studies `pages`, with their themes, channels and
    figures read in one query each, whatever their number."""
    prefetch_related_objects(pages, "themes", "channels", "figures")
    figures = [figure for page in pages for figure in page.figures.all()]
    english_units = {}
    if figures:
        figure_model = case_study_model._meta.get_field("figures").related_model
        english_units = dict(
            figure_model.objects.filter(
                translation_key__in={figure.translation_key for figure in figures},
                locale__language_code=SOURCE_LANGUAGE,
            ).values_list("translation_key", "unit")
        )
    shown = [page.pk for page in pages]
    # In English every column is in the reader's language.
    languages = content_languages(pages) if get_language() != SOURCE_LANGUAGE else {}
    return [
        Column(
            page,
            is_english_fallback=languages.get(page.pk) == SOURCE_LANGUAGE,
            figures=[
                ComparedFigure(
                    value=figure.value,
                    unit=figure.unit,
                    label=figure.label,
                    per_thousand=per_thousand(
                        figure.value,
                        page.city.population if page.city else None,
                        english_units.get(figure.translation_key, figure.unit),
                    ),
                )
                for figure in page.figures.all()
            ],
            remove_query=ids_query([pk for pk in shown if pk != page.pk]),
        )
        for page in pages
    ]


def counts_people(english_unit):
    """Whether a figure whose English unit is `english_unit` counts people."""
    return english_unit.strip().lower() in PEOPLE_UNITS


def per_thousand(value, population, english_unit):
    """`value` per 1,000 of `population`, for a figure that counts people (None for any
    other figure, or without a population): to one decimal place, or two below 1."""
    if not population or not counts_people(english_unit):
        return None
    rate = Decimal(value) * 1000 / Decimal(population)
    places = Decimal("0.1") if rate >= 1 else Decimal("0.01")
    return rate.quantize(places, rounding=ROUND_HALF_UP)
