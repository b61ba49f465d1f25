"""The ten partner cities.

Country, role, population, location and website are public facts; populations are rounded,
for the year given. So are the summaries, except the last sentence of four of them (Palermo,
Varna, Alba Iulia, Tartu), which states a result the network documented: those four cities
are marked as mixed (partly documented), with a note quoting that sentence. The tool audits
are illustrative, so the other six are marked as sample, with a note naming the public facts.

Audit lines are (channel slug, purpose, audience, stage).
"""

from decimal import Decimal

from casestudies.models import CityPage, CityToolAudit
from network_site.pages import Provenance

IN_USE = CityToolAudit.Stage.IN_USE
PILOTED = CityToolAudit.Stage.PILOTED

# Marks a city page as illustrative apart from its public facts; spread into the six cities
# whose summary states no documented result.
SAMPLE_CITY = {
    "provenance": Provenance.SAMPLE,
    "provenance_note": (
        "Population, location and the summary are public facts; the tool audit below is "
        "illustrative."
    ),
}


def documented_in(sentence):
    """Marks a city page as partly documented, quoting the documented sentence of its
    summary (which ends with it)."""
    return {
        "provenance": Provenance.MIXED,
        "provenance_note": (
            f"Documented by the network: “{sentence}” The other facts here are public; the "
            "tool audit is illustrative."
        ),
    }


# The documented sentence that ends the summary of four cities.
PALERMO_RESULT = (
    "In the network, Palermo used digital channels and social media to reach people about a "
    "new mobility plan for its UNESCO-protected area."
)
VARNA_RESULT = (
    "In the network, Varna built a prototype of an interactive city-guide app for tourists."
)
ALBA_IULIA_RESULT = (
    "In the network, Alba Iulia improved its use of online platforms so that citizens' "
    "comments and complaints can be received and forwarded to the right city office."
)
TARTU_RESULT = (
    "In the network, Tartu built an online system where citizens can take part in virtual "
    "meetings and discuss and comment on matters such as urban development plans."
)

CITIES = [
    {
        **SAMPLE_CITY,
        "title": "Genoa",
        "slug": "genoa",
        "country": "IT",
        "role": CityPage.Role.LEAD_PARTNER,
        "population": 560_000,
        "population_year": 2022,
        "latitude": Decimal("44.40726"),
        "longitude": Decimal("8.93386"),
        "website": "https://www.comune.genova.it/",
        "summary": (
            "Genoa is the capital of Liguria and one of the largest seaports on the "
            "Mediterranean. Its Strade Nuove and the palaces of the Rolli are a UNESCO World "
            "Heritage Site. Genoa was the lead partner of the Interactive Cities network."
        ),
        "tool_audit": [
            ("facebook", "City news, events and service changes", "Residents", IN_USE),
            (
                "twitter-x",
                "Live news, for example during bad weather",
                "Residents and press",
                IN_USE,
            ),
            (
                "city-website",
                "Services, forms and official notices",
                "Residents and businesses",
                IN_USE,
            ),
            (
                "e-mail-newsletter",
                "Weekly summary of the city's news",
                "Subscribed residents",
                PILOTED,
            ),
        ],
    },
    {
        **documented_in(PALERMO_RESULT),
        "title": "Palermo",
        "slug": "palermo",
        "country": "IT",
        "role": CityPage.Role.PARTNER,
        "population": 630_000,
        "population_year": 2022,
        "latitude": Decimal("38.11582"),
        "longitude": Decimal("13.36143"),
        "website": "https://www.comune.palermo.it/",
        "summary": (
            "Palermo is the capital of Sicily and the island's largest city. Its Arab-Norman "
            "monuments, together with the cathedrals of Cefalù and Monreale, are a UNESCO "
            f"World Heritage Site. {PALERMO_RESULT}"
        ),
        "tool_audit": [
            ("facebook", "News about traffic and public works", "Residents", IN_USE),
            (
                "city-website",
                "Plans, notices and online services",
                "Residents and businesses",
                IN_USE,
            ),
            (
                "instagram",
                "Pictures of the historic centre and its events",
                "Young residents and visitors",
                PILOTED,
            ),
        ],
    },
    {
        **documented_in(VARNA_RESULT),
        "title": "Varna",
        "slug": "varna",
        "country": "BG",
        "role": CityPage.Role.PARTNER,
        "population": 335_000,
        "population_year": 2011,
        "latitude": Decimal("43.20467"),
        "longitude": Decimal("27.91054"),
        "website": "https://www.varna.bg/",
        "summary": (
            "Varna is Bulgaria's third-largest city and its main port on the Black Sea, "
            f"known for its beaches and seaside resorts. {VARNA_RESULT}"
        ),
        "tool_audit": [
            (
                "city-website",
                "Municipal services and tourist information",
                "Residents and visitors",
                IN_USE,
            ),
            ("facebook", "Events and cultural programme", "Residents", IN_USE),
            ("mobile-app", "City guide for visitors", "Tourists", PILOTED),
        ],
    },
    {
        **documented_in(ALBA_IULIA_RESULT),
        "title": "Alba Iulia",
        "slug": "alba-iulia",
        "country": "RO",
        "role": CityPage.Role.PARTNER,
        "population": 64_000,
        "population_year": 2011,
        "latitude": Decimal("46.06667"),
        "longitude": Decimal("23.58333"),
        "website": "https://www.apulum.ro/",
        "summary": (
            "Alba Iulia is the seat of Alba County in Transylvania, Romania. Its "
            "eighteenth-century star-shaped citadel, Alba Carolina, dominates the city, and "
            "the union of Transylvania with Romania was proclaimed here in 1918. "
            + ALBA_IULIA_RESULT
        ),
        "tool_audit": [
            ("facebook", "News and replies to residents' messages", "Residents", IN_USE),
            ("twitter-x", "Short news and announcements", "Residents and press", IN_USE),
            (
                "online-complaint-reporting-system",
                "Collecting reports of problems in the city",
                "Residents",
                PILOTED,
            ),
        ],
    },
    {
        **SAMPLE_CITY,
        "title": "Debrecen",
        "slug": "debrecen",
        "country": "HU",
        "role": CityPage.Role.PARTNER,
        "population": 200_000,
        "population_year": 2022,
        "latitude": Decimal("47.53000"),
        "longitude": Decimal("21.62500"),
        "website": "https://www.debrecen.hu/",
        "summary": (
            "Debrecen is Hungary's second-largest city and the main centre of the east of "
            "the country, on the Great Hungarian Plain. It is home to the University of "
            "Debrecen. It took part in the network as a partner."
        ),
        "tool_audit": [
            ("city-website", "Services and official notices", "Residents", IN_USE),
            ("facebook", "City news and events", "Residents", IN_USE),
            (
                "online-participation-platform",
                "Consultations on local projects",
                "Residents",
                PILOTED,
            ),
        ],
    },
    {
        **documented_in(TARTU_RESULT),
        "title": "Tartu",
        "slug": "tartu",
        "country": "EE",
        "role": CityPage.Role.PARTNER,
        "population": 97_000,
        "population_year": 2021,
        "latitude": Decimal("58.38040"),
        "longitude": Decimal("26.72250"),
        "website": "https://www.tartu.ee/",
        "summary": (
            "Tartu is Estonia's second-largest city and home to the University of Tartu, "
            f"founded in 1632. It was a European Capital of Culture in 2024. {TARTU_RESULT}"
        ),
        "tool_audit": [
            ("city-website", "Plans, services and notices", "Residents", IN_USE),
            ("facebook", "City news and events", "Residents", IN_USE),
            (
                "virtual-meetings",
                "Public meetings on urban development plans",
                "Residents",
                PILOTED,
            ),
            ("online-participation-platform", "Comments on draft plans", "Residents", PILOTED),
        ],
    },
    {
        **SAMPLE_CITY,
        "title": "Ghent",
        "slug": "ghent",
        "country": "BE",
        "role": CityPage.Role.PARTNER,
        "population": 265_000,
        "population_year": 2023,
        "latitude": Decimal("51.05434"),
        "longitude": Decimal("3.72174"),
        "website": "https://stad.gent/",
        "summary": (
            "Ghent is a port and university city in Flanders, Belgium, where the Scheldt and "
            "the Lys meet, with a well-preserved medieval centre. It took part in the "
            "network as a partner."
        ),
        "tool_audit": [
            ("city-website", "Services and neighbourhood news", "Residents", IN_USE),
            ("twitter-x", "Live news and answers to questions", "Residents and press", IN_USE),
            (
                "online-participation-platform",
                "Ideas for neighbourhood projects",
                "Residents and local groups",
                PILOTED,
            ),
        ],
    },
    {
        **SAMPLE_CITY,
        "title": "Paris",
        "slug": "paris",
        "country": "FR",
        "role": CityPage.Role.PARTNER,
        "population": 2_100_000,
        "population_year": 2022,
        "latitude": Decimal("48.85661"),
        "longitude": Decimal("2.35222"),
        "website": "https://www.paris.fr/",
        "summary": (
            "Paris is the capital of France and the country's largest city, divided into "
            "twenty arrondissements. It took part in the network as a partner."
        ),
        "tool_audit": [
            ("city-website", "Services, news and procedures", "Residents and visitors", IN_USE),
            ("youtube", "Videos about city projects", "Residents", IN_USE),
            (
                "virtual-meetings",
                "Question-and-answer sessions in a district",
                "Residents of the district",
                PILOTED,
            ),
        ],
    },
    {
        **SAMPLE_CITY,
        "title": "Lisbon",
        "slug": "lisbon",
        "country": "PT",
        "role": CityPage.Role.PARTNER,
        "population": 545_000,
        "population_year": 2021,
        "latitude": Decimal("38.71391"),
        "longitude": Decimal("-9.13922"),
        "website": "https://www.lisboa.pt/",
        "summary": (
            "Lisbon is the capital of Portugal and its largest city, on the estuary of the "
            "Tagus. It took part in the network as a partner."
        ),
        "tool_audit": [
            ("city-website", "Services and city news", "Residents and businesses", IN_USE),
            ("facebook", "Events and news", "Residents", IN_USE),
            ("e-mail-newsletter", "News for neighbourhood shops", "Local businesses", PILOTED),
        ],
    },
    {
        **SAMPLE_CITY,
        "title": "Murcia",
        "slug": "murcia",
        "country": "ES",
        "role": CityPage.Role.PARTNER,
        "population": 460_000,
        "population_year": 2022,
        "latitude": Decimal("37.98704"),
        "longitude": Decimal("-1.13004"),
        "website": "https://www.murcia.es/",
        "summary": (
            "Murcia is the capital of the Region of Murcia in south-eastern Spain, on the "
            "Segura river, surrounded by the irrigated farmland of its huerta. It took part "
            "in the network as a partner."
        ),
        "tool_audit": [
            ("city-website", "Services and official notices", "Residents", IN_USE),
            ("facebook", "City news and events", "Residents", IN_USE),
            (
                "instagram",
                "Ideas from young people about the riverside",
                "Young residents",
                PILOTED,
            ),
        ],
    },
]


# Published over Ghent's English summary after its Dutch translation, so that the Dutch page
# shows the notice of a translation older than its English original (see demo.translations).
GHENT_SUMMARY_AFTER_TRANSLATION = (
    "Ghent is a port and university city in Flanders, Belgium, where the Scheldt and the Lys "
    "meet, with a well-preserved medieval centre. It is the capital of the province of East "
    "Flanders. It took part in the network as a partner."
)
