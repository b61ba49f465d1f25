"""System checks of the search settings, run by `manage.py check` and at start-up."""

from django.conf import settings
from django.core.checks import Error


def check_elasticsearch_url(app_configs, **kwargs):
    """ELASTICSEARCH_URL, when set, must be a URL the Elasticsearch client accepts."""
    url = settings.SEARCH["ELASTICSEARCH_URL"]
    if not url:
        return []
    # Deferred: a site without ELASTICSEARCH_URL never imports the Elasticsearch client.
    from .backends.elasticsearch import ElasticsearchBackend

    try:
        ElasticsearchBackend(url=url)
    except ValueError as error:
        return [
            Error(
                f"ELASTICSEARCH_URL is not a URL the Elasticsearch client accepts: {error}",
                hint="Write it in full, with scheme, host and port: http://localhost:9200.",
                id="search.E001",
            )
        ]
    return []
