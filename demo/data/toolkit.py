"""The toolkit: downloadable resources, best-practice guides, the implementation roadmap and
a curated collection.

The network produced best practices and an implementation roadmap; the guides and the
roadmap below are illustrative versions written for the demo site, so they are all marked
as sample.
"""

from network_site.pages import Provenance
from toolkit.models import GuidePage

from .markup import p, ul

# Marks a page as illustrative; spread into every guide.
SAMPLE_GUIDE = {
    "provenance": Provenance.SAMPLE,
    "provenance_note": "Illustrative guide written for the demo site.",
}
ROADMAP_NOTE = (
    "The network produced an implementation roadmap; this version is illustrative, "
    "written for the demo site."
)

# Small files the guides link to, looked up by title.
DOCUMENTS = [
    {
        "title": "Channel audit template",
        "filename": "channel-audit-template.csv",
        "content": (
            "Channel,Account or address,Office in charge,Purpose,Audience,"
            "Posts per month,Share of messages answered within two working days,"
            "Decision (keep / merge / close / try)\n"
            "Example: Facebook,City page,Communication office,News and events,"
            "Adults 25-55,40,60%,keep\n"
            ",,,,,,,\n"
        ),
    },
    {
        "title": "Complaint routing table template",
        "filename": "complaint-routing-table-template.csv",
        "content": (
            "Topic,Examples of messages,Office in charge,Contact,"
            "Acknowledge within (working days),Answer within (working days)\n"
            "Example: Street lighting,Broken or flickering street light,"
            "Public works,publicworks@example.org,1,10\n"
            ",,,,,\n"
        ),
    },
    {
        "title": "Virtual public meeting checklist",
        "filename": "virtual-public-meeting-checklist.txt",
        "content": (
            "VIRTUAL PUBLIC MEETING CHECKLIST\n"
            "\n"
            "Two weeks before\n"
            "[ ] Say what the meeting is about and what can still change\n"
            "[ ] Choose the meeting tool and test it with colleagues\n"
            "[ ] Publish the date, the link and how to take part without a computer\n"
            "[ ] Publish the plan documents and a plain-language summary\n"
            "\n"
            "On the day\n"
            "[ ] A host, a moderator for written questions and a technical helper\n"
            "[ ] Explain the house rules and how questions will be answered\n"
            "[ ] Record the meeting if participants have been told in advance\n"
            "\n"
            "Within two weeks after\n"
            "[ ] Publish the recording or a written record\n"
            "[ ] Answer every question, including those not reached in the meeting\n"
            "[ ] Say what will change in the plan, and why\n"
        ),
    },
]

# Guides, in the order the toolkit lists them. Steps are (title, rich text);
# resources are (document title, description).
GUIDES = [
    {
        **SAMPLE_GUIDE,
        "title": "Audit your city's digital channels",
        "slug": "auditing-your-citys-digital-channels",
        "summary": (
            "Before trying new tools, find out which social media channels and digital tools "
            "the city already runs, what each one is for, whom it reaches and who looks "
            "after it."
        ),
        "audience": "City communication teams and digital officers",
        "effort": GuidePage.Effort.MODERATE,
        "themes": ["governance"],
        "steps": [
            (
                "List every channel",
                p(
                    "Ask each department which accounts, pages, apps and sites it runs. "
                    "Include the ones opened by a single team years ago and the ones nobody "
                    "has posted on for months."
                ),
            ),
            (
                "Record purpose and owner",
                p(
                    "For each channel, write down what it is meant to do (inform, answer "
                    "questions, collect ideas, take complaints) and which office is "
                    "responsible for it."
                ),
            ),
            (
                "Find out whom it reaches",
                p(
                    "Use the statistics the platforms provide and, if you can, a short "
                    "survey of residents. Note which groups you reach well and which you "
                    "hardly reach at all."
                ),
            ),
            (
                "Spot gaps and overlaps",
                p(
                    "Compare the list with what residents need. Look for channels that "
                    "duplicate each other, messages that go unanswered and groups no channel "
                    "reaches."
                ),
            ),
            (
                "Decide what to keep, merge, close or try",
                p(
                    "Agree a decision for every channel and pick one or two new tools to "
                    "pilot. Repeat the audit once a year."
                ),
            ),
        ],
        "resources": [
            ("Channel audit template", "A spreadsheet with one row per channel."),
        ],
    },
    {
        **SAMPLE_GUIDE,
        "title": "Route comments and complaints from social media to the right office",
        "slug": "routing-comments-and-complaints",
        "summary": (
            "Residents write to the city wherever it is present online. Agree who collects "
            "those messages, which office handles each topic and how quickly residents "
            "hear back."
        ),
        "audience": "Communication teams, customer services and heads of department",
        "effort": GuidePage.Effort.MODERATE,
        "themes": ["governance"],
        "steps": [
            (
                "Map where messages arrive",
                p(
                    "List the pages, accounts, forms and e-mail addresses through which "
                    "residents send comments and complaints, and who reads each of them."
                ),
            ),
            (
                "Agree a routing table",
                p(
                    "For each common topic, name the office that handles it and a contact "
                    "person. Keep the table short and review it with the offices concerned."
                ),
            ),
            (
                "Set response times",
                p(
                    "Decide how quickly a message is acknowledged and answered, and say so "
                    "publicly on each channel."
                ),
            ),
            (
                "Log every message in one place",
                p(
                    "Whatever channel a message came from, record it in one list or system "
                    "so nothing gets lost and you can see which topics come up most."
                ),
            ),
            (
                "Report back and review",
                p(
                    "Reply on the channel the resident used, and review the log every month "
                    "with the offices to fix recurring problems."
                ),
            ),
        ],
        "resources": [
            ("Complaint routing table template", "Topics, offices and response times."),
        ],
    },
    {
        **SAMPLE_GUIDE,
        "title": "Run virtual public meetings on plans",
        "slug": "running-virtual-public-meetings",
        "summary": (
            "Online meetings let residents who cannot come to the town hall listen to, ask "
            "about and comment on a plan. A few simple rules make them work."
        ),
        "audience": "Planning departments and participation officers",
        "effort": GuidePage.Effort.MODERATE,
        "themes": ["governance", "inclusion"],
        "steps": [
            (
                "Say what is open for discussion",
                p(
                    "Choose the plan and be clear about which parts can still change. "
                    "Residents lose trust quickly if everything was already decided."
                ),
            ),
            (
                "Choose and test the tool",
                p(
                    "Pick a tool that works in a browser without an account, and run a test "
                    "meeting with colleagues first."
                ),
            ),
            (
                "Publish the material beforehand",
                p(
                    "Share the plan documents, a plain-language summary and the meeting link "
                    "at least two weeks ahead."
                ),
            ),
            (
                "Host and moderate",
                p(
                    "Have a host, a moderator for written questions and someone for "
                    "technical help. Explain the house rules at the start."
                ),
            ),
            (
                "Publish the record and the answers",
                p(
                    "Publish the recording or notes, answer every question and say what "
                    "will change in the plan."
                ),
            ),
            (
                "Keep an offline way in",
                p(
                    "Offer a phone line or a room with a screen for residents who cannot "
                    "join online."
                ),
            ),
        ],
        "resources": [
            ("Virtual public meeting checklist", "What to do before, during and after."),
        ],
    },
    {
        **SAMPLE_GUIDE,
        "title": "Build a pilot app or digital service with residents",
        "slug": "building-a-pilot-with-residents",
        "summary": (
            "Start small: build the simplest version of a new app or digital service with "
            "the people who will use it, test it in real conditions, then decide whether to "
            "go further."
        ),
        "audience": "Digital teams, service owners and local partners such as universities",
        "effort": GuidePage.Effort.SUBSTANTIAL,
        "themes": ["economy", "inclusion"],
        "steps": [
            (
                "Start from a need",
                p(
                    "Describe the problem residents or visitors have, in their words, before "
                    "choosing any technology."
                ),
            ),
            (
                "Involve future users early",
                p(
                    "Invite a small, varied group of future users to comment on sketches and "
                    "early versions."
                ),
            ),
            (
                "Build the smallest useful version",
                p(
                    "Limit the first version to the few features that meet the need. Reuse "
                    "open data and existing city content where you can."
                ),
            ),
            (
                "Test it in real conditions",
                p(
                    "Let people use the pilot where and when they would really need it, and "
                    "collect feedback in the service itself."
                ),
            ),
            (
                "Decide what comes next",
                p("Based on what you learned, choose one of three paths:")
                + ul("scale it up with a budget and an owner", "change it", "stop it"),
            ),
        ],
        "resources": [],
    },
    {
        **SAMPLE_GUIDE,
        "title": "Reach people about a public plan through social media",
        "slug": "reaching-people-about-a-plan",
        "summary": (
            "A plan only gains support if the people it affects hear about it and can "
            "respond. Use social media and other digital channels to reach each group where "
            "it already is."
        ),
        "audience": "Project teams preparing a plan, with the communication team",
        "effort": GuidePage.Effort.LIGHT,
        "themes": ["governance", "environment"],
        "steps": [
            (
                "Name the interested parties",
                p(
                    "List residents, businesses, associations and visitors the plan "
                    "affects, and what each group cares about."
                ),
            ),
            (
                "Write the key messages",
                p(
                    "Explain in plain language what the plan changes, when, and how people "
                    "can respond. Add a map or a short video."
                ),
            ),
            (
                "Choose channels for each group",
                p(
                    "Use the channel audit to see which channels reach which group, and "
                    "plan a few posts for each."
                ),
            ),
            (
                "Invite responses and answer them",
                p(
                    "Ask a clear question in every post and answer comments within the "
                    "response times you announced."
                ),
            ),
            (
                "Show what changed",
                p("When the plan is adopted, post what changed because of what people said."),
            ),
        ],
        "resources": [
            ("Channel audit template", "To find which channels reach which groups."),
        ],
    },
]

ROADMAP = {
    "title": "Implementation roadmap",
    "slug": "roadmap",
    "provenance": Provenance.SAMPLE,
    "provenance_note": ROADMAP_NOTE,
    "introduction": (
        "The phases a city goes through when it starts using social media and digital tools "
        "to involve its residents. It follows the network's method: first audit the tools "
        "you already use, then try new ones. Each phase links to guides and case studies."
    ),
    # Case studies as "<city slug>/<case study slug>", guides by slug.
    "phases": [
        {
            "title": "Audit your channels",
            "goal": (
                "A shared list of every channel the city runs, what it is for, whom it "
                "reaches and who looks after it."
            ),
            "steps": [
                "Ask every department which channels and tools it runs",
                "Gather the statistics each platform provides",
                "Note which groups of residents each channel reaches",
                "Mark gaps, overlaps and unanswered messages",
            ],
            "typical_duration": "1–2 months",
            "roles": ["Communication team", "Department web editors", "Digital officer"],
            "guides": ["auditing-your-citys-digital-channels"],
            "case_studies": [
                "genoa/one-editorial-calendar-for-social-media",
                "alba-iulia/routing-comments-and-complaints",
            ],
        },
        {
            "title": "Set goals and a strategy",
            "goal": (
                "A short strategy saying what the city wants from digital engagement, with "
                "whom, and how it will know it worked."
            ),
            "steps": [
                "Choose two or three goals linked to real decisions or services",
                "Agree who answers residents, and how fast",
                "Decide which channels to keep, merge or close",
                "Pick the tools to pilot and how to measure them",
            ],
            "typical_duration": "1–2 months",
            "roles": ["Elected representative", "Senior managers", "Communication team"],
            "guides": ["routing-comments-and-complaints", "reaching-people-about-a-plan"],
            "case_studies": [
                "alba-iulia/routing-comments-and-complaints",
                "palermo/mobility-plan-for-the-unesco-area",
            ],
        },
        {
            "title": "Pilot new tools",
            "goal": "One or two new tools tested with residents, with a record of what worked.",
            "steps": [
                "Build or set up the smallest useful version",
                "Test it with a varied group of residents",
                "Collect feedback and usage figures",
                "Write down what to keep, change or drop",
            ],
            "typical_duration": "3–6 months",
            "roles": ["Service owner", "Digital team", "Residents taking part in tests"],
            "guides": ["running-virtual-public-meetings", "building-a-pilot-with-residents"],
            "case_studies": [
                "tartu/virtual-meetings-on-urban-plans",
                "varna/interactive-city-guide-app",
                "ghent/neighbourhood-ideas-platform",
            ],
        },
        {
            "title": "Scale up and evaluate",
            "goal": (
                "The tools that worked are part of everyday work, with a budget, an owner "
                "and a regular review."
            ),
            "steps": [
                "Give each tool an owner and a budget line",
                "Train the staff who will use it",
                "Review figures and residents' feedback every year",
                "Repeat the channel audit",
            ],
            "typical_duration": "6–12 months",
            "roles": ["Senior managers", "Service owners", "Communication team"],
            "guides": ["auditing-your-citys-digital-channels", "routing-comments-and-complaints"],
            # Not Palermo: nothing documents that its outreach was scaled up, budgeted or
            # reviewed. It appears under "Set goals and a strategy".
            "case_studies": ["debrecen/online-consultation-on-a-new-park"],
        },
    ],
}

# Featured on the home page and the toolkit page when the loader creates those pages. Case
# studies as "<city slug>/<case study slug>", guides by slug, in the order readers see them.
COLLECTION = {
    "title": "Start here: handling citizen complaints online",
    "slug": "handling-citizen-complaints-online",
    "introduction": (
        "Residents write to their city wherever it is present online. Read how Alba Iulia "
        "improved its use of online platforms and pages, Facebook and Twitter among them, so "
        "that comments and complaints can be received and forwarded to the right city "
        "office. Then follow two guides: one on routing those messages to the office in "
        "charge, and one on listing the channels your city runs and who looks after each."
    ),
    "pages": [
        ("case_study", "alba-iulia/routing-comments-and-complaints"),
        ("guide", "routing-comments-and-complaints"),
        ("guide", "auditing-your-citys-digital-channels"),
    ],
}
