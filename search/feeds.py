"""The Atom feed of a search: the newest pages that match it, so a reader can follow
"inclusion in Lisbon" in a feed reader."""

from django.urls import reverse
from django.utils.translation import gettext

from network_site.feeds import SiteFeed, feed_title, network_name, with_parameters
from network_site.pages import readable_pages


def feed_parameters(form):
    """The search's parameters as its feed's address carries them: the words and the
    filters the form understood, without the page and the order (a feed is always the
    newest first)."""
    parameters = form.known_parameters()
    for name in ("page", "sort"):
        parameters.pop(name, None)
    return parameters


def followed(form):
    """What a search's feed follows, in the reader's language: the words, then the labels
    of the filters chosen ("Search “app” · Inclusion, Lisbon")."""
    words = form.cleaned_data.get("q")
    search = gettext("Search “%(words)s”") % {"words": words} if words else gettext("Search")
    labels = ", ".join(form.selected_labels())
    return f"{search} · {labels}" if labels else search


class SearchFeed(SiteFeed):
    """The `size` newest hits of a search (any type: case studies, guides, updates...),
    in the search's "newest" order, each with its snippet as summary.

    The hits are what the search page shows (the search service keeps only pages readers
    may see, in the reader's language or its English fallback); their publication dates
    are read for all of them in one query.
    """

    def __init__(self, form, results):
        super().__init__(feed_parameters(form))
        self.form = form
        self.hits = results.hits
        self.dates = {
            pk: (first, last)
            for pk, first, last in readable_pages()
            .filter(pk__in=[hit.page_id for hit in self.hits])
            .values_list("pk", "first_published_at", "last_published_at")
        }

    def title(self):
        return feed_title(followed(self.form))

    def link(self):
        return with_parameters(reverse("search"), self.parameters)

    def subtitle(self):
        return gettext("The newest pages that match this search.")

    def items(self):
        return [hit for hit in self.hits if hit.page_id in self.dates]

    def item_title(self, hit):
        return hit.title

    def item_description(self, hit):
        """The snippet: the page's text, escaped, with the words searched for in `<mark>`."""
        return str(hit.snippet)

    def item_link(self, hit):
        return hit.url

    def item_author_name(self, hit):
        return hit.city["label"] if hit.city else network_name()

    def item_categories(self, hit):
        return [theme["label"] for theme in hit.themes]

    def item_pubdate(self, hit):
        return self.dates[hit.page_id][0]

    def item_updateddate(self, hit):
        first, last = self.dates[hit.page_id]
        return last or first
