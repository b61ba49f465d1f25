"""The home page, the about page and the four section pages below the home page.

Everything here is a documented fact about the network (funding, method, outputs, the four
results, in their documented wording) or a public fact (the partners, their countries, the
lead partner), so none of it is illustrative and these pages carry no provenance badge. The
case study index introduction says what each provenance label means, in the words of
`network_site.pages.Provenance`.
"""

from decimal import Decimal

from network_site.pages import Provenance

from .markup import heading, p, paragraph, ul

HOME = {
    "title": "Interactive Cities",
    "slug": "home",
    "introduction": p(
        "Interactive Cities was a network of ten European cities in the URBACT III "
        "programme. Together the partners learned how to use social media and digital "
        "tools to involve citizens in the governance of their city: each city first audited "
        "the tools it already used, then tried new ones.",
        "This site gathers the partners' case studies, best-practice guides and an "
        "implementation roadmap, for any city that wants to do the same.",
    ),
}

# Pages featured on the home page, in order: case studies as "<city>/<slug>", guides by slug.
FEATURED = [
    ("case_study", "alba-iulia/routing-comments-and-complaints"),
    ("case_study", "tartu/virtual-meetings-on-urban-plans"),
    ("guide", "auditing-your-citys-digital-channels"),
    ("guide", "running-virtual-public-meetings"),
]

ABOUT = {
    "title": "About",
    "slug": "about",
    "search_description": "The network, its funding and its aims.",
    "introduction": (
        "Interactive Cities was a network of ten European cities, funded by the URBACT III "
        "programme, that explored how social media and digital tools can bring citizens "
        "into the governance of their city."
    ),
    "programme": "URBACT III",
    "programming_period": "2014–2020",
    "total_budget_eur": Decimal("716745.00"),
    "erdf_contribution_eur": Decimal("549820.00"),
    "body": [
        heading("Who took part"),
        paragraph(
            p(
                "Genoa (Italy) led the network. Its partners were Palermo (Italy), Varna "
                "(Bulgaria), Alba Iulia (Romania), Debrecen (Hungary), Tartu (Estonia), Ghent "
                "(Belgium), Paris (France), Lisbon (Portugal) and Murcia (Spain)."
            )
        ),
        heading("How the network worked"),
        paragraph(
            p(
                "The ten partners set out to learn how social media and digital tools can "
                "engage citizens in urban governance. Each city began by auditing the social "
                "media channels and digital tools it was already using, then tried out new "
                "ones.",
            )
        ),
        heading("What it produced"),
        paragraph(
            p(
                "The network produced best practices of digital urban governance, an "
                "implementation roadmap, and digital services that help other cities raise "
                "citizens' awareness and participation. Among the partners' results:"
            )
            + ul(
                "Alba Iulia improved its use of online platforms and pages, Facebook and "
                "Twitter among them, so that citizens' comments and complaints can be "
                "received and forwarded to the right city office.",
                "Tartu built an online system where citizens can take part in virtual "
                "meetings and discuss and comment on matters such as urban development plans.",
                "Varna built a prototype of an interactive city-guide app that gives "
                "tourists information such as the history of a monument and the culture of "
                "the city.",
                "Palermo drew up a new mobility plan for its UNESCO-protected area. It used "
                "digital communication channels and social media to reach interested "
                "parties, and as a result many public initiatives enjoy broad public support.",
            )
        ),
    ],
}

# The section pages directly below the home page, all shown in the main menu.
CITIES = {
    "title": "Cities",
    "slug": "cities",
    "search_description": "The partner cities and the tools each one uses.",
    "introduction": (
        "The ten partner cities of the Interactive Cities network. Each city's page lists "
        "its case studies and its updates."
    ),
}
CASE_STUDIES = {
    "title": "Case studies",
    "slug": "case-studies",
    "search_description": "What the cities tried and what came of it.",
    "introduction": " ".join(
        [
            "What the partner cities tried, how they went about it and what came of it. Each "
            "case study is labelled by where its content comes from.",
            *(f"{level.label}: {level.explanation}" for level in Provenance),
        ]
    ),
}
TOOLKIT = {
    "title": "Toolkit",
    "slug": "toolkit",
    "search_description": "Guides and a roadmap to do it yourself.",
    "introduction": (
        "Step-by-step guides and an implementation roadmap for cities that want to use "
        "social media and digital tools to involve their residents. The guides on this demo "
        "site are illustrative."
    ),
}
UPDATES = {
    "title": "Updates",
    "slug": "updates",
    "search_description": "News from the partner cities.",
    "introduction": (
        "News from the partner cities about their work in the network. The updates on this "
        "demo site are illustrative."
    ),
}
