"""Case studies: at least one for every partner city.

The first four report results the network documented: their summary and results state
only that result, in its documented wording, with no figures. Their other sections add
modest illustrative detail, so they are marked as mixed (partly documented), with a note
quoting the documented sentence. The other six are illustrative examples, plausible for the
network's theme but invented, marked as sample, and their summaries say so.

`related_guides` are guide slugs; figures are (value, unit, label).
"""

from casestudies.models import CaseStudyPage
from network_site.pages import Provenance

from .markup import p

COMPLETED = CaseStudyPage.Status.COMPLETED
PILOT = CaseStudyPage.Status.PILOT
RUNNING = CaseStudyPage.Status.RUNNING


def documented_in(sentence, rest="The rest of this page is illustrative."):
    """Marks a case study as partly documented, quoting the documented sentence."""
    return {
        "provenance": Provenance.MIXED,
        "provenance_note": (
            f"Documented by the network (summary and results): “{sentence}” {rest}"
        ),
    }


ILLUSTRATIVE = {
    "provenance": Provenance.SAMPLE,
    "provenance_note": (
        "Illustrative case study written for the demo site; it does not report the city's "
        "actual results."
    ),
}

# The four documented results, in their documented wording: each case study's "results"
# state it, and its note quotes it. Palermo's summary states it too.
ALBA_IULIA_RESULT = (
    "Citizens' comments and complaints sent through the city's online platforms and pages, "
    "Facebook and Twitter among them, can be received and forwarded to the right city office."
)
TARTU_RESULT = (
    "Citizens can take part in virtual meetings through the online system and discuss and "
    "comment on matters such as urban development plans."
)
VARNA_RESULT = (
    "A prototype interactive city-guide app gives tourists information such as the history "
    "of a monument and the culture of the city."
)
PALERMO_RESULT = (
    "Palermo drew up a new mobility plan for its UNESCO-protected area. It used "
    "digital communication channels and social media to reach interested parties, "
    "and as a result many public initiatives enjoy broad public support."
)

CASE_STUDIES = [
    # Documented results.
    {
        **documented_in(ALBA_IULIA_RESULT),
        "city": "alba-iulia",
        "title": "Routing citizens' comments and complaints to the right office",
        "slug": "routing-comments-and-complaints",
        "summary": (
            "Alba Iulia improved its use of online platforms and pages, Facebook and Twitter "
            "among them, so that citizens' comments and complaints can be received and "
            "forwarded to the right city office."
        ),
        "challenge": p(
            "Residents were already writing to the city on its online pages and social media "
            "accounts, but a message reached whoever ran the page rather than the office "
            "that could act on it."
        ),
        "approach": p(
            "The city reviewed the online platforms and pages it uses and agreed how the "
            "comments and complaints that arrive there are collected and passed on."
        ),
        "results": p(ALBA_IULIA_RESULT),
        "lessons_learned": p(
            "Agreeing which office owns which kind of message matters as much as the choice "
            "of tool."
        ),
        "transferability": p(
            "A city needs someone to watch each channel and a short list of which office "
            "handles which topic."
        ),
        "status": COMPLETED,
        "start_year": 2016,
        "end_year": 2018,
        "themes": ["governance"],
        "channels": ["facebook", "twitter-x", "city-website"],
        "tags": ["complaints", "social media"],
        "related_guides": [
            "routing-comments-and-complaints",
            "auditing-your-citys-digital-channels",
        ],
        "figures": [],
    },
    {
        **documented_in(TARTU_RESULT),
        "city": "tartu",
        "title": "Virtual meetings on urban development plans",
        "slug": "virtual-meetings-on-urban-plans",
        "summary": (
            "Tartu built an online system where citizens can take part in virtual meetings "
            "and discuss and comment on matters such as urban development plans."
        ),
        "challenge": p(
            "Public meetings on plans reach only the residents who can come to a given place "
            "at a given time."
        ),
        "approach": p(
            "The city set up an online system for virtual meetings, in which residents can "
            "follow the discussion of a plan and take part in it."
        ),
        "results": p(TARTU_RESULT),
        "lessons_learned": p(
            "Publishing the plan documents well before a meeting helps residents come with "
            "questions."
        ),
        "transferability": p(
            "Any city that consults residents on plans can hold virtual meetings alongside "
            "its usual ones; it needs a host, a moderator and a tool that works in a browser."
        ),
        "status": COMPLETED,
        "start_year": 2016,
        "end_year": 2018,
        "themes": ["governance", "inclusion"],
        "channels": ["virtual-meetings", "online-participation-platform"],
        "tags": ["virtual meetings", "urban planning"],
        "related_guides": ["running-virtual-public-meetings"],
        "figures": [],
    },
    {
        **documented_in(VARNA_RESULT),
        "city": "varna",
        "title": "A prototype city-guide app for tourists",
        "slug": "interactive-city-guide-app",
        "summary": (
            "Varna built a prototype of an interactive city-guide app that gives tourists "
            "information such as the history of a monument and the culture of the city."
        ),
        "challenge": p(
            "Visitors to a seaside city often see little of its history and culture beyond "
            "the beach."
        ),
        "approach": p(
            "The city built a prototype app that brings information about its monuments and "
            "culture to tourists' phones."
        ),
        "results": p(VARNA_RESULT),
        "lessons_learned": p(
            "A prototype is a cheap way to find out what visitors actually look for before "
            "building a full app."
        ),
        "transferability": p(
            "Cities with well-documented monuments can reuse their existing texts and "
            "pictures as the content of such an app."
        ),
        "status": PILOT,
        "start_year": 2016,
        "end_year": 2018,
        "themes": ["economy"],
        "channels": ["mobile-app"],
        "tags": ["tourism", "culture", "app"],
        "related_guides": ["building-a-pilot-with-residents"],
        "figures": [],
    },
    {
        **documented_in(PALERMO_RESULT, rest="The rest is illustrative."),
        "city": "palermo",
        "title": "Reaching people about a mobility plan for the UNESCO area",
        "slug": "mobility-plan-for-the-unesco-area",
        "summary": PALERMO_RESULT,
        "challenge": p(
            "Changing how people move around a protected historic area affects residents, "
            "businesses and visitors, and needs their support."
        ),
        "approach": p(
            "Alongside the new mobility plan, the city used digital communication channels "
            "and social media to reach the parties interested in it."
        ),
        "results": p(PALERMO_RESULT),
        "lessons_learned": p(
            "Reaching each interested group on the channels it already uses helps a plan "
            "gain support."
        ),
        "transferability": p(
            "Any city preparing a plan for a sensitive area can combine it with a digital "
            "outreach effort, starting from an audit of the channels it runs."
        ),
        "status": COMPLETED,
        "start_year": 2016,
        "end_year": 2018,
        "themes": ["environment", "governance"],
        "channels": ["facebook", "twitter-x", "city-website"],
        "tags": ["mobility", "UNESCO", "social media"],
        "related_guides": ["reaching-people-about-a-plan"],
        "figures": [],
    },
    # Illustrative examples.
    {
        **ILLUSTRATIVE,
        "city": "genoa",
        "title": "One editorial calendar for the city's social media",
        "slug": "one-editorial-calendar-for-social-media",
        "summary": (
            "Illustrative example: Genoa brings the posts of its departments' social media "
            "accounts together in one weekly editorial calendar, so residents get consistent "
            "information and fewer duplicate messages."
        ),
        "challenge": p(
            "Several departments ran their own accounts, sometimes announcing the same thing "
            "at different times and with different details."
        ),
        "approach": p(
            "After auditing its channels, the communication office set up a shared weekly "
            "calendar and a short weekly call with each department's editor."
        ),
        "results": p(
            "Posts are planned together, duplicate announcements have mostly disappeared and "
            "residents' questions are answered faster."
        ),
        "lessons_learned": p(
            "A simple shared calendar did more than a new tool would have: the weekly call "
            "is what keeps it alive."
        ),
        "transferability": p(
            "Works in any city with more than a handful of accounts; it needs one person "
            "to coordinate."
        ),
        "status": RUNNING,
        "start_year": 2016,
        "end_year": None,
        "themes": ["governance"],
        "channels": ["facebook", "twitter-x", "e-mail-newsletter"],
        "tags": ["social media", "coordination"],
        "related_guides": ["auditing-your-citys-digital-channels"],
        "figures": [
            (12, "", "department accounts in the shared calendar"),
            (30, "%", "fewer duplicate announcements"),
        ],
    },
    {
        **ILLUSTRATIVE,
        "city": "debrecen",
        "title": "An online consultation on a new park",
        "slug": "online-consultation-on-a-new-park",
        "summary": (
            "Illustrative example: Debrecen asks residents online what they want from a new "
            "neighbourhood park, then publishes how their answers shaped the design."
        ),
        "challenge": p(
            "Consultations on green spaces usually drew the same small group of residents."
        ),
        "approach": p(
            "The city published a short survey and the draft design on its participation "
            "platform and promoted them on social media and in local schools."
        ),
        "results": p(
            "Many more residents took part than in earlier consultations, and the final "
            "design added shade, seating and a playground that residents asked for."
        ),
        "lessons_learned": p(
            "Showing residents what changed because of them is what builds trust."
        ),
        "transferability": p(
            "Suits any small public-space project with a draft design that can still change."
        ),
        "status": COMPLETED,
        "start_year": 2017,
        "end_year": 2018,
        "themes": ["environment", "governance"],
        "channels": ["online-participation-platform", "facebook"],
        "tags": ["green space", "consultation"],
        "related_guides": ["reaching-people-about-a-plan"],
        "figures": [
            (1200, "people", "residents who answered the survey"),
            (340, "", "comments on the draft design"),
        ],
    },
    {
        **ILLUSTRATIVE,
        "city": "ghent",
        "title": "A neighbourhood ideas platform",
        "slug": "neighbourhood-ideas-platform",
        "summary": (
            "Illustrative example: Ghent tries an online platform where residents and local "
            "groups put forward small projects for their neighbourhood and find others to "
            "carry them out with."
        ),
        "challenge": p(
            "Good ideas for neighbourhoods often stayed with one person because they had no "
            "easy way to find support."
        ),
        "approach": p(
            "The city piloted an ideas platform in two neighbourhoods, with a neighbourhood "
            "worker helping residents who were not used to going online."
        ),
        "results": p(
            "Residents and local groups submitted ideas, and a number of them were carried "
            "out together with the city."
        ),
        "lessons_learned": p(
            "A person on the ground matters: ideas from less connected residents came in "
            "through the neighbourhood worker."
        ),
        "transferability": p(
            "Needs a small budget for the projects and staff time to follow up every idea."
        ),
        "status": PILOT,
        "start_year": 2017,
        "end_year": 2018,
        "themes": ["inclusion", "governance"],
        "channels": ["online-participation-platform", "e-mail-newsletter"],
        "tags": ["neighbourhoods", "participation"],
        "related_guides": ["building-a-pilot-with-residents"],
        "figures": [
            (85, "", "ideas submitted in the first year"),
            (14, "", "ideas carried out with local groups"),
        ],
    },
    {
        **ILLUSTRATIVE,
        "city": "paris",
        "title": "Live-streamed question time in a district",
        "slug": "live-streamed-district-question-time",
        "summary": (
            "Illustrative example: a Paris district streams its residents' question time "
            "online, so people can follow it and send questions from home."
        ),
        "challenge": p(
            "Evening meetings in the district town hall were hard to attend for parents and "
            "shift workers."
        ),
        "approach": p(
            "The district streamed its question-and-answer sessions and took written "
            "questions online as well as in the room."
        ),
        "results": p(
            "More residents followed the sessions online than attended in person, and "
            "questions sent online were answered during the session or in writing afterwards."
        ),
        "lessons_learned": p(
            "A moderator for online questions is essential, or the room dominates the discussion."
        ),
        "transferability": p(
            "Any city or district that already holds public meetings can stream them at "
            "little cost."
        ),
        "status": RUNNING,
        "start_year": 2017,
        "end_year": None,
        "themes": ["governance", "inclusion"],
        "channels": ["youtube", "virtual-meetings"],
        "tags": ["virtual meetings", "live streaming"],
        "related_guides": ["running-virtual-public-meetings"],
        "figures": [
            (6, "", "sessions streamed in the first year"),
            (2500, "views", "average views per session"),
        ],
    },
    {
        **ILLUSTRATIVE,
        "city": "lisbon",
        "title": "A newsletter for neighbourhood shops",
        "slug": "newsletter-for-neighbourhood-shops",
        "summary": (
            "Illustrative example: Lisbon sends neighbourhood shopkeepers a monthly "
            "e-mail newsletter about public works, events and support schemes that affect "
            "their business."
        ),
        "challenge": p(
            "Shopkeepers often learned about street works or events only when they started, "
            "too late to prepare."
        ),
        "approach": p(
            "The city collected the news relevant to businesses in one monthly newsletter, "
            "sorted by neighbourhood, with a contact for questions."
        ),
        "results": p("Shopkeepers hear about works and events earlier and know whom to ask."),
        "lessons_learned": p(
            "Sorting the news by neighbourhood kept the newsletter short and read."
        ),
        "transferability": p(
            "Needs a list of businesses willing to subscribe and one editor a few days a month."
        ),
        "status": RUNNING,
        "start_year": 2017,
        "end_year": None,
        "themes": ["economy"],
        "channels": ["e-mail-newsletter", "facebook"],
        "tags": ["local business", "newsletter"],
        "related_guides": ["reaching-people-about-a-plan"],
        "figures": [
            (900, "people", "shopkeepers subscribed"),
            (45, "%", "average opening rate"),
        ],
    },
    {
        **ILLUSTRATIVE,
        "city": "murcia",
        "title": "Young people's ideas for the riverside",
        "slug": "young-peoples-ideas-for-the-riverside",
        "summary": (
            "Illustrative example: Murcia invites young people to share pictures and ideas "
            "for the banks of the Segura on Instagram and an online platform, and feeds them "
            "into its riverside plans."
        ),
        "challenge": p("Young people rarely took part in consultations on public space."),
        "approach": p(
            "The city ran a photo challenge on Instagram and collected ideas on its "
            "participation platform, with workshops in secondary schools."
        ),
        "results": p(
            "Young people took part in large numbers, and their ideas were passed on to the "
            "team preparing the riverside plans."
        ),
        "lessons_learned": p(
            "Meeting young people on the channels they use works better than inviting them "
            "to the town hall."
        ),
        "transferability": p(
            "Works for any public-space project that young people use; schools are the best "
            "partners."
        ),
        "status": COMPLETED,
        "start_year": 2017,
        "end_year": 2018,
        "themes": ["environment", "inclusion"],
        "channels": ["instagram", "online-participation-platform"],
        "tags": ["young people", "river", "social media"],
        "related_guides": ["reaching-people-about-a-plan"],
        "figures": [
            (400, "people", "young people who took part"),
            (60, "", "ideas collected"),
        ],
    },
]
