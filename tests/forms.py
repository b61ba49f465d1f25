"""POST data for the page editor, one builder per page type, as Wagtail's admin sends it.

Multi-value fields (themes) are passed as tuples: nested_form_data would split a list into
numbered keys. Pages with a provenance send the one the editor leaves selected, "documented"
(the default), unless the test passes another.
"""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def city_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "country": "ES",
            "provenance": "documented",
            "role": "partner",
            "latitude": "37.99220",
            "longitude": "-1.13070",
            "summary": f"{title} is a partner city.",
            "tool_audit": inline_formset([]),
            **extra,
        }
    )


def case_study_form(title, themes, **extra):
    return nested_form_data(
        {
            "title": title,
            "summary": "Citizens join meetings online.",
            "provenance": "documented",
            "challenge": rich_text("<p>Few people came to public hearings.</p>"),
            "approach": rich_text("<p>Meetings moved online.</p>"),
            "results": rich_text("<p>More people took part.</p>"),
            "lessons_learned": rich_text(""),
            "transferability": rich_text(""),
            "figures": inline_formset([]),
            "status": "completed",
            "start_year": "2016",
            "end_year": "2018",
            "themes": tuple(theme.pk for theme in themes),
            **extra,
        }
    )


def update_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "date": "2026-03-02",
            "provenance": "documented",
            "summary": "What happened this month.",
            "body": streamfield([("paragraph", rich_text("<p>Details.</p>"))]),
            **extra,
        }
    )


def guide_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "summary": "Know what you use before you add more.",
            "provenance": "documented",
            "audience": "Communication teams",
            "effort": "light",
            "steps": streamfield(
                [("step", {"title": "List them", "body": rich_text("<p>All.</p>")})]
            ),
            "resources": streamfield([]),
            **extra,
        }
    )


def toolkit_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "introduction": "Guides and the roadmap.",
            "featured_collections": inline_formset([]),
            **extra,
        }
    )


def home_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "introduction": rich_text("<p>Ten cities.</p>"),
            "featured_pages": inline_formset([]),
            "featured_collections": inline_formset([]),
            **extra,
        }
    )
