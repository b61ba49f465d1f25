"""What every Atom feed of the site shares: the listings' feeds, a city's feed and the
search feed (see "Feeds" in the README).

A feed is in the reader's language (its address carries the language, like every page),
follows exactly what the page it belongs to shows (the same validated filters, the same
reader rule), and names in its own address only the parameters it understood, so that a
subscription never carries along whatever else was in the address.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .languages import localized_name

# Characters XML 1.0 refuses (besides the control characters the forms drop already): a
# feed title quotes the words a reader searched for, and must stay well-formed XML.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FeedLink:
    """A page's feed, as base.html announces it (`<link rel="alternate">`) and the page
    links to it: its address, with the page's current filters, and its title."""

    url: str
    title: str


def with_parameters(path, parameters):
    """`path` with the query string of `parameters` (a QueryDict), if it has any."""
    return f"{path}?{parameters.urlencode()}" if parameters else path


def network_name():
    """The network, which authors what no partner city does."""
    return settings.WAGTAIL_SITE_NAME


def xml_safe(values):
    """A feed's or an entry's values (Django's feedgenerator dicts) without the characters
    XML refuses, in every text and list of texts."""

    def clean(value):
        if isinstance(value, str):
            return NOT_XML.sub("", value)
        if isinstance(value, list | tuple):
            return type(value)(clean(item) for item in value)
        return value

    return {name: clean(value) for name, value in values.items()}


def feed_title(*parts):
    """A feed's title: what it follows (the parts that are not empty), then the site's name."""
    return NOT_XML.sub("", " · ".join([*(str(part) for part in parts if part), network_name()]))


class SiteFeed(Feed):
    """An Atom feed of pages, at most `size` of them, in the reader's language.

    Each entry has Django's id (the page's address), title, link, `published` (first
    publication), `updated` (last publication), an author (the page's city, or the
    network) and a category per theme, named in the reader's language. `parameters` are
    the filters the feed follows, as its own address (Atom's `rel="self"`) names them.
    Subclasses give `title`, `link` and `items`.
    """

    feed_type = Atom1Feed
    size = 20

    def __init__(self, parameters):
        super().__init__()
        self.parameters = parameters
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def get_feed(self, obj, request):
        """Django's feed, with every text cleared of the characters XML refuses: one vertical
        tab pasted into a title (what a word processor's line break becomes) would
        otherwise make the whole feed fail."""
        feed = super().get_feed(obj, request)
        feed.feed = xml_safe(feed.feed)
        feed.items = [xml_safe(item) for item in feed.items]
        return feed

    def feed_url(self):
        return with_parameters(self.request.path, self.parameters)

    def author_name(self):
        return network_name()

    def item_title(self, item):
        return f"{item.city.title}: {item.title}" if item.city else item.title

    def item_description(self, item):
        """The summary is plain text and Atom sends it as `type="html"`: escaped, so that
        feed readers show what the partner typed instead of running it as markup."""
        return escape(item.summary)

    def item_link(self, item):
        return item.url

    def item_author_name(self, item):
        city = getattr(item, "city", None)
        return city.title if city else network_name()

    def item_categories(self, item):
        return [localized_name(theme, self.request) for theme in item.themes.all()]

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        """Atom requires it; a page published once has both dates, the same."""
        return item.last_published_at or item.first_published_at
