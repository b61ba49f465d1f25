"""The demo content `manage.py load_demo_content` loads, as plain Python data.

Each module holds one part of the site, in the order the loader needs it:
`taxonomies` (themes, channels), `site` (home, about and section pages), `toolkit`
(documents, guides, roadmap), `cities`, `case_studies` and `updates`.

Pages refer to each other by slug: a city by its slug, a guide by its slug, a case study
as "<city slug>/<case study slug>". Every page that can carry a provenance carries one
(`network_site.pages.Provenance`): documented, mixed (a documented result in illustrative
context, the documented sentence quoted in the note) or sample (illustrative), so readers
never take illustrative text for a city's real results. Documented results are stated in
their documented wording, never stronger.
"""
