"""Atom feeds of what partner cities publish: each listing's (with its filters) and each
city's."""

import datetime
from itertools import chain

from django.db.models import F

from network_site.feeds import SiteFeed, feed_title

NEWEST_FIRST = (F("first_published_at").desc(nulls_last=True), "-pk")
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


class ListingFeed(SiteFeed):
    """The pages of a listing page (site-wide or one city's section) that its filters
    select, newest first by when they were first published, which is what a feed reader
    expects. (The listing's own "newest" order is by the practice's years or the update's
    date.)

    It holds what the listing holds with the same filters (`filtered_pages`, the one
    filter rule of the listing and its feed), so a draft never reaches a feed reader, and
    `?theme=governance` follows governance only. Its title says what it follows:
    "Case studies · Governance, Tartu".
    """

    def __init__(self, listing_page, filter_form):
        super().__init__(filter_form.known_parameters())
        self.listing_page = listing_page
        self.filter_form = filter_form

    def title(self):
        return feed_title(self.listing_page.followed(self.filter_form))

    def link(self):
        return self.listing_page.filtered_url(self.parameters)

    def subtitle(self):
        return getattr(self.listing_page, "introduction", "") or self.title()

    def items(self):
        return self.listing_page.filtered_pages(self.filter_form).order_by(*NEWEST_FIRST)[
            : self.size
        ]


class CityFeed(SiteFeed):
    """Everything a partner city publishes that readers may see, in the reader's language:
    its case studies and updates together, newest first by first publication."""

    def __init__(self, city):
        super().__init__(parameters=None)
        self.city = city

    def title(self):
        return feed_title(self.city.followed())

    def link(self):
        return self.city.url

    def subtitle(self):
        return self.city.summary

    def items(self):
        newest = [
            pages.select_related("city")
            .prefetch_related("themes")
            .order_by(*NEWEST_FIRST)[: self.size]
            for pages in self.city.published_pages()
        ]
        return sorted(chain(*newest), key=newest_first_key, reverse=True)[: self.size]


def newest_first_key(page):
    """`NEWEST_FIRST` in Python, for pages of several types read apart."""
    return (page.first_published_at or NEVER, page.pk)
