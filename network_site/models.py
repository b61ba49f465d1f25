"""The shared taxonomies (the URBACT areas, the channels cities use) and the site text
editors set once for every page.

Themes and channels are translatable snippets (wagtail-localize): pages are tagged with the
English ones, and a reader sees each one's name in their language where it is translated
(`network_site.languages.taxonomy_names`). A translation keeps the English slug, which is
the value of the search facets and filters in every language.
"""

from django.db import models
from django.utils.translation import gettext_noop

from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """One of the four URBACT improvement areas a case study, guide or update belongs to."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True, help_text="One or two sentences for readers.")
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Themes are listed in this order, lowest first."
    )

    panels = ["name", "slug", "description", "sort_order"]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale"), ("name", "locale")]

    def __str__(self):
        return self.name


class Channel(TranslatableMixin, index.Indexed, models.Model):
    """A social media channel or digital tool a city uses to reach and involve citizens."""

    class Kind(models.TextChoices):
        SOCIAL_MEDIA = "social-media", "Social media"
        PARTICIPATION = "participation", "Participation platform"
        MEETINGS = "meetings", "Meetings and events"
        APP = "app", "Mobile app"
        WEB = "web", "Website or web service"
        OTHER = "other", "Other"

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(blank=True)

    panels = ["name", "slug", "kind", "description"]
    search_fields = [index.SearchField("name"), index.FilterField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale"), ("name", "locale")]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteText(BaseGenericSetting):
    """The words around every page that editors may change: the tagline beside the site's
    name in the header, the paragraph about the site in the footer, and the licence of the
    content (`licence`). (The site's name is Wagtail's own site name, under Settings > Sites.)

    One text for every language: readers of another language see the default texts in their
    language (they are in the interface's catalogues), and a text an editor wrote as written.
    """

    tagline = models.CharField(
        max_length=80,
        default=gettext_noop("An URBACT network"),
        help_text="Shown under the site's name.",
    )
    footer_text = models.TextField(
        default=gettext_noop(
            "This is the website of the URBACT Interactive Cities network, in which European "
            "cities learned to use social media and digital tools to involve citizens in "
            "running their city."
        ),
        help_text="What the site is, in a sentence or two, at the foot of every page.",
    )

    # The default, Creative Commons Attribution 4.0, is this project's choice for a network
    # whose aim is that other cities copy what worked; the network's editors confirm or
    # change it here.
    licence_name = models.CharField(
        "content licence",
        max_length=100,
        default="CC BY 4.0",
        help_text=(
            "The licence under which anyone may reuse the site's content, by its short name. "
            "Named in the footer, in every API answer, export and dataset."
        ),
    )
    licence_url = models.URLField(
        "licence address",
        default="https://creativecommons.org/licenses/by/4.0/",
        help_text="Where the licence's terms are published.",
    )

    panels = [
        "tagline",
        "footer_text",
        MultiFieldPanel(["licence_name", "licence_url"], "Licence"),
    ]

    class Meta:
        verbose_name = "site text"

    @property
    def licence(self):
        """The content licence as the footer, the API, the exports and the dataset give it."""
        return {"name": self.licence_name, "url": self.licence_url}

    @property
    def licence_link(self):
        """The licence as an HTTP `Link` header's value, as the API, the exports and the
        dataset send it. Only the address: it is a validated URL, where the name is free
        text that would need quoting."""
        return f'<{self.licence_url}>; rel="license"'
