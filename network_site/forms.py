"""Admin forms shared by the page types."""

from wagtail.admin.forms import WagtailAdminPageForm


class ChangeHistoryPageForm(WagtailAdminPageForm):
    """The edit form of a page with a public change history (`ChangeHistoryMixin`).

    The change summary is stored on the page, so once a version is published the page still
    holds the summary readers see; offered again in the form, it would go out again with the
    next, unrelated change. The form therefore opens with a blank summary when the page's
    summary has already been published: by the live version, by a version later unpublished,
    or by an old version an editor is reverting to. A summary that has not been published,
    such as one a partner wrote in a draft submitted for review, is kept so the reviewing
    editor sees it and publishes it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.change_summary and page.has_published_summary(page.change_summary):
            self.initial["change_summary"] = ""
