"""Search latency benchmark: p50/p95 of one search, per backend, at several index sizes.

    .venv/bin/python bench/search_latency.py [--sizes 1000 10000] [--runs 200]

For each size N it indexes N synthetic case-study documents (titled "Synthetic case study
<n>"; nothing real) into a fresh SQLite database in a temporary folder, never the site's
own, and into an osmem-server instance (the in-memory Elasticsearch stand-in used by the
tests), then times `SearchService.search` for a text query with two facets selected: the
server-side work of one /search/ request, from the validated form to the labelled results.
The documents go straight into the index: no Wagtail pages are created, since the page
tree plays no part in a search.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The words of the synthetic text: the site's own topics, diluted in 2,000 filler terms so
# that a query word occurs in roughly one document in ten, as real words do.
TOPIC_WORDS = [
    "citizens",
    "complaints",
    "facebook",
    "twitter",
    "office",
    "meetings",
    "virtual",
    "development",
    "plans",
    "app",
    "tourists",
    "monument",
    "culture",
    "mobility",
    "unesco",
    "transport",
    "budget",
    "participation",
    "platform",
]
WORDS = TOPIC_WORDS + [f"term{n}" for n in range(2000)]
THEMES = ["governance", "environment", "inclusion", "economy"]
CITIES = [
    ("genoa", "Genoa", "IT"),
    ("palermo", "Palermo", "IT"),
    ("varna", "Varna", "BG"),
    ("alba-iulia", "Alba Iulia", "RO"),
    ("debrecen", "Debrecen", "HU"),
    ("tartu", "Tartu", "EE"),
    ("ghent", "Ghent", "BE"),
    ("paris", "Paris", "FR"),
    ("lisbon", "Lisbon", "PT"),
    ("murcia", "Murcia", "ES"),
]
CHANNELS = ["facebook", "twitter-x", "virtual-meetings", "mobile-app", "city-website"]
QUERY_TEXT = "virtual meetings"
QUERY_FACETS = {"theme": ("governance", "inclusion"), "city": ("tartu", "ghent")}


def create_taxonomy():
    """The themes and partner cities the form accepts as facet values (as on the site)."""
    from wagtail.models import Page

    from casestudies.models import CityIndexPage, CityPage
    from home.models import HomePage
    from network_site.models import Theme

    for order, slug in enumerate(THEMES, 1):
        Theme.objects.create(name=slug.title(), slug=slug, sort_order=order)
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Synthetic home", slug="synthetic-home", introduction="Synthetic.")
    )
    cities = home.add_child(instance=CityIndexPage(title="Cities", slug="cities"))
    for slug, name, country in CITIES:
        cities.add_child(
            instance=CityPage(
                title=name,
                slug=slug,
                country=country,
                latitude=0,
                longitude=0,
                summary="Synthetic.",
            )
        )


def synthetic_documents(count, seed=2016):
    from search.documents import digest

    rng = random.Random(seed)  # noqa: S311 - repeatable synthetic text, not security
    for n in range(1, count + 1):
        city, _, country = rng.choice(CITIES)
        year = rng.randint(2015, 2020)
        document = {
            "id": n,
            "locale": "en",
            "translation_key": f"synthetic-{n}",
            "shown_in": ["en"],
            "type": ["case-study"],
            "title": f"Synthetic case study {n}",
            "sort_title": f"synthetic case study {n:07d}",
            "url": f"/synthetic/{n}/",
            "city": [city],
            "country": [country],
            "theme": sorted(rng.sample(THEMES, rng.randint(1, 2))),
            "channel": sorted(rng.sample(CHANNELS, rng.randint(1, 3))),
            "year": [year],
            "date": f"{year}-{rng.randint(1, 12):02d}-01",
            "summary": " ".join(rng.choices(WORDS, k=25)),
            "body": " ".join(rng.choices(WORDS, k=200)),
        }
        document["digest"] = digest(document)
        yield document


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_searches(service, runs):
    from django.http import QueryDict

    from search.forms import SearchForm

    params = QueryDict(mutable=True)
    params["q"] = QUERY_TEXT
    for facet, values in QUERY_FACETS.items():
        params.setlist(facet, values)
    samples, total = [], 0
    for attempt in range(runs + 20):
        started = time.perf_counter()
        query = SearchForm(params, locale="en").to_query()
        results = service.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        if attempt >= 20:  # the first 20 warm caches and connections
            samples.append(elapsed)
        total = results.total
    return percentile(samples, 0.5), percentile(samples, 0.95), total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=200)
    arguments = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="search-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "network_site.settings.dev"
    os.environ.pop("DATABASE_URL", None)
    os.environ["DEV_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command

    from elasticsearch import Elasticsearch
    from osmem_server import OsmemServer

    from search.backends.database import DatabaseBackend
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.service import SearchService
    from tests.search.osmem import PlainJsonNode, osmem_analysis

    call_command("migrate", verbosity=0)
    create_taxonomy()
    print(f"Synthetic index in {folder}; query {QUERY_TEXT!r} with {QUERY_FACETS}")
    print(f"{'backend':<14}{'documents':>10}{'hits':>8}{'p50 ms':>9}{'p95 ms':>9}{'load s':>9}")
    with OsmemServer.start(japanese=False) as server:
        client = Elasticsearch(server.url, node_class=PlainJsonNode, request_timeout=60)
        elasticsearch = ElasticsearchBackend(
            index_prefix="bench-", client=client, analysis=osmem_analysis()
        )
        backends = [DatabaseBackend(), elasticsearch]
        for size in arguments.sizes:
            for backend in backends:
                started = time.perf_counter()
                backend.rebuild(synthetic_documents(size))
                load = time.perf_counter() - started
                service = SearchService(primary=backend)
                p50, p95, hits = time_searches(service, arguments.runs)
                print(f"{backend.name:<14}{size:>10}{hits:>8}{p50:>9.1f}{p95:>9.1f}{load:>9.1f}")


if __name__ == "__main__":
    main()
