"""Index documents for the backend tests, shaped exactly as search.documents builds them
(every facet a list; a single value may be given as it is)."""

from search.documents import digest
from search.facets import FACETS


def document(page_id, title, summary="", body="", **fields):
    doc = {
        "id": page_id,
        "locale": "en",
        "type": ["case-study"],
        "title": title,
        "sort_title": title.casefold(),
        "url": f"/pages/{page_id}/",
        "city": [],
        "country": [],
        "theme": [],
        "channel": [],
        "year": [],
        "date": None,
        "summary": summary,
        "body": body,
        **{
            facet: value if isinstance(value, list) else [value]
            for facet, value in fields.items()
            if facet in FACETS
        },
        **{key: value for key, value in fields.items() if key not in FACETS},
    }
    doc.setdefault("translation_key", f"key-{page_id}")
    doc.setdefault("shown_in", [doc["locale"]])
    doc["digest"] = digest(doc)
    return doc


def tartu(**fields):
    return {"city": "tartu", "country": "EE", **fields}


def ghent(**fields):
    return {"city": "ghent", "country": "BE", **fields}


SAMPLE = [
    document(
        1,
        "Routing complaints from Facebook",
        "Comments and complaints reach the right office.",
        "The city answers on Facebook and Twitter and forwards each complaint.",
        theme=["governance"],
        channel=["facebook", "twitter-x"],
        year=2016,
        date="2016-05-01",
        city="alba-iulia",
        country="RO",
    ),
    document(
        2,
        "Virtual meetings on development plans",
        "Citizens join meetings online.",
        "Residents discuss and comment on urban development plans in virtual meetings.",
        theme=["governance", "inclusion"],
        channel=["virtual-meetings"],
        year=2017,
        date="2017-03-01",
        **tartu(),
    ),
    document(
        3,
        "Cycling counts online",
        "Bike counters publish their numbers.",
        "Open data about cycling helps plan greener streets.",
        theme=["environment"],
        channel=["city-website"],
        year=2018,
        date="2018-09-01",
        **tartu(),
    ),
    document(
        4,
        "Neighbourhood budgets",
        "Residents decide how to spend a budget.",
        "An online platform collects ideas; residents vote for projects in their district.",
        theme=["governance", "economy"],
        channel=["participation-platform"],
        year=2017,
        date="2017-11-01",
        **ghent(),
    ),
    document(
        5,
        "Audit your channels",
        "Know which channels the city runs before adding more.",
        "List every social media account and what it is for.",
        type="guide",
        theme=["governance"],
        year=2018,
        date="2018-01-15",
    ),
    document(
        6,
        "Tartu",
        "A university city in Estonia.",
        "Virtual meetings and an online participation platform.",
        type="city",
        channel=["virtual-meetings"],
        **tartu(),
    ),
    document(
        7,
        "Ghent in French",
        "Une ville en Belgique.",
        "Réunions virtuelles.",
        locale="fr",
        **ghent(),
    ),
]
