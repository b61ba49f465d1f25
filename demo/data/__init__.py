"""The demo content `manage.py load_demo_content` loads, as plain Python data.

Each module holds one part of the site, in the order the loader needs it:
`taxonomies` (themes, channels), `site` (home, about and section pages), `toolkit`
(documents, guides, roadmap), `cities`, `case_studies` and `updates`.

Pages refer to each other by slug: a city by its slug, a guide by its slug, a case study
as "<city slug>/<case study slug>". Everything beyond the documented facts of the network
is marked with provenance "sample", so readers never take it for a city's real results.
"""
