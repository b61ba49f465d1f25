"""Atom feeds of the listings, so readers can follow new case studies and updates."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape


class ListingFeed(Feed):
    """The pages of a listing page (site-wide or one city's section), newest first by when
    they were first published, which is what a feed reader expects. (The listing's own
    "newest" order is by the practice's years or the update's date.)

    It holds what the listing holds (pages readers may see), so a draft never reaches a
    feed reader.
    """

    feed_type = Atom1Feed
    size = 20

    def __init__(self, listing_page):
        super().__init__()
        self.listing_page = listing_page

    def title(self):
        return f"{self.listing_page.feed_title} · {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return self.listing_page.url

    def subtitle(self):
        return getattr(self.listing_page, "introduction", "") or self.title()

    def items(self):
        return (
            self.listing_page.get_listing_queryset()
            .select_related("city")
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[: self.size]
        )

    def item_title(self, item):
        return f"{item.city.title}: {item.title}" if item.city else item.title

    def item_description(self, item):
        """The summary is plain text and Atom sends it as `type="html"`: escaped, so that
        feed readers show what the partner typed instead of running it as markup."""
        return escape(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
