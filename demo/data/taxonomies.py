"""The four URBACT improvement areas and the channels the partner cities audited."""

from network_site.models import Channel

THEMES = [
    {
        "slug": "governance",
        "name": "Governance",
        "description": (
            "How a city administration informs, listens to and involves its residents "
            "when it makes decisions."
        ),
        "sort_order": 1,
    },
    {
        "slug": "environment",
        "name": "Environment",
        "description": (
            "Cleaner, greener and better-connected cities, from public space and mobility "
            "to energy and climate."
        ),
        "sort_order": 2,
    },
    {
        "slug": "inclusion",
        "name": "Inclusion",
        "description": (
            "Making sure every resident, whatever their age, background or means, can take "
            "part in the life of the city."
        ),
        "sort_order": 3,
    },
    {
        "slug": "economy",
        "name": "Economy",
        "description": (
            "Local jobs, businesses, tourism and the skills that keep a city's economy alive."
        ),
        "sort_order": 4,
    },
]

CHANNELS = [
    {
        "slug": "facebook",
        "name": "Facebook",
        "kind": Channel.Kind.SOCIAL_MEDIA,
        "description": "Social network that many cities use for news, events and replies.",
    },
    {
        "slug": "twitter-x",
        "name": "Twitter/X",
        "kind": Channel.Kind.SOCIAL_MEDIA,
        "description": "Short public messages, often used for live news and quick answers.",
    },
    {
        "slug": "instagram",
        "name": "Instagram",
        "kind": Channel.Kind.SOCIAL_MEDIA,
        "description": "Photo and video sharing, good for reaching younger residents.",
    },
    {
        "slug": "youtube",
        "name": "YouTube",
        "kind": Channel.Kind.SOCIAL_MEDIA,
        "description": "Video platform for explainers and recorded or live-streamed meetings.",
    },
    {
        "slug": "online-participation-platform",
        "name": "Online participation platform",
        "kind": Channel.Kind.PARTICIPATION,
        "description": "A website where residents put forward ideas, comment and vote.",
    },
    {
        "slug": "virtual-meetings",
        "name": "Virtual meetings",
        "kind": Channel.Kind.MEETINGS,
        "description": "Public meetings held online, so residents can take part from home.",
    },
    {
        "slug": "mobile-app",
        "name": "Mobile app",
        "kind": Channel.Kind.APP,
        "description": "A smartphone app made by or for the city.",
    },
    {
        "slug": "city-website",
        "name": "City website",
        "kind": Channel.Kind.WEB,
        "description": "The municipality's official website.",
    },
    {
        "slug": "e-mail-newsletter",
        "name": "E-mail newsletter",
        "kind": Channel.Kind.OTHER,
        "description": "News sent by e-mail to residents or businesses who sign up for it.",
    },
    {
        "slug": "online-complaint-reporting-system",
        "name": "Online complaint and reporting system",
        "kind": Channel.Kind.WEB,
        "description": (
            "A web form or service where residents report problems or make complaints, "
            "and can follow what happens to them."
        ),
    },
]
