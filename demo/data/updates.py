"""Partner updates: illustrative news items from several cities, dated within the network's
lifetime. None of them reports a real event, and each says so.
"""

import datetime

from network_site.pages import Provenance

from .markup import p, paragraph

SAMPLE_UPDATE = {
    "provenance": Provenance.SAMPLE,
    "provenance_note": (
        "Illustrative update written for the demo site; it does not report a real event."
    ),
}

UPDATES = [
    {
        **SAMPLE_UPDATE,
        "city": "alba-iulia",
        "title": "Alba Iulia maps where residents' messages arrive",
        "slug": "alba-iulia-maps-where-messages-arrive",
        "date": datetime.date(2016, 11, 15),
        "summary": (
            "Illustrative update: the communication team lists every page and account "
            "through which residents contact the city, as the first step of its audit."
        ),
        "body": [
            paragraph(
                p(
                    "As its first step in the network, the communication team asked every "
                    "department which online pages and accounts it runs and who reads the "
                    "messages that arrive there.",
                    "The list will be used to agree which office answers which kind of message.",
                )
            ),
        ],
        "themes": ["governance"],
    },
    {
        **SAMPLE_UPDATE,
        "city": "ghent",
        "title": "Ghent opens a test version of its neighbourhood ideas platform",
        "slug": "ghent-tests-neighbourhood-ideas-platform",
        "date": datetime.date(2017, 3, 8),
        "summary": (
            "Illustrative update: residents of two neighbourhoods can now post ideas for "
            "small local projects on a test platform."
        ),
        "body": [
            paragraph(
                p(
                    "The test runs for six months in two neighbourhoods. A neighbourhood "
                    "worker helps residents who prefer to hand in their ideas in person.",
                )
            ),
        ],
        "themes": ["inclusion", "governance"],
    },
    {
        **SAMPLE_UPDATE,
        "city": "tartu",
        "title": "Tartu holds its first virtual meeting on a district plan",
        "slug": "tartu-first-virtual-meeting",
        "date": datetime.date(2017, 5, 22),
        "summary": (
            "Illustrative update: residents followed the presentation of a draft district "
            "plan online and sent their questions in writing."
        ),
        "body": [
            paragraph(
                p(
                    "The plan documents were published two weeks ahead. Questions that could "
                    "not be answered during the meeting will be answered in writing on the "
                    "city's website.",
                )
            ),
        ],
        "themes": ["governance"],
    },
    {
        **SAMPLE_UPDATE,
        "city": "varna",
        "title": "Varna invites visitors to try a city-guide prototype",
        "slug": "varna-city-guide-prototype-test",
        "date": datetime.date(2017, 9, 12),
        "summary": (
            "Illustrative update: a small group of visitors tests the prototype city-guide "
            "app on a walk through the centre and tells the team what they missed."
        ),
        "body": [
            paragraph(
                p(
                    "Testers used the prototype on a walk past the city's monuments and "
                    "filled in a short questionnaire afterwards. Their comments will shape "
                    "the next version.",
                )
            ),
        ],
        "themes": ["economy"],
    },
    {
        **SAMPLE_UPDATE,
        "city": "debrecen",
        "title": "Debrecen publishes what residents said about the new park",
        "slug": "debrecen-park-consultation-results",
        "date": datetime.date(2018, 4, 10),
        "summary": (
            "Illustrative update: the city publishes a summary of the answers to its online "
            "park survey and the changes made to the design."
        ),
        "body": [
            paragraph(
                p(
                    "The summary lists the most frequent requests and, for each one, whether "
                    "and how the design takes it into account.",
                )
            ),
        ],
        "themes": ["environment", "governance"],
    },
    {
        **SAMPLE_UPDATE,
        "city": "palermo",
        "title": "Palermo explains its mobility plan on social media",
        "slug": "palermo-mobility-plan-on-social-media",
        "date": datetime.date(2018, 6, 5),
        "summary": (
            "Illustrative update: a series of short posts and maps explains what the new "
            "mobility plan changes in the historic centre, and invites questions."
        ),
        "body": [
            paragraph(
                p(
                    "Each post covers one street or square and ends with a question for "
                    "readers. Answers are collected for the team preparing the plan.",
                )
            ),
        ],
        "themes": ["environment", "governance"],
    },
]
