"""Small helpers that keep the rich text and StreamField data in the content modules short.

The texts are written in this package, never taken from users, so they go in as they are.
"""


def p(*texts):
    """One rich-text paragraph per text."""
    return "".join(f"<p>{text}</p>" for text in texts)


def ul(*items):
    """A rich-text bulleted list."""
    return "<ul>{}</ul>".format("".join(f"<li>{item}</li>" for item in items))


def heading(text, level="h2"):
    """A `heading` block of `network_site.blocks.BodyBlock`, as raw StreamField data."""
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    """A `paragraph` block of `network_site.blocks.BodyBlock`, as raw StreamField data."""
    return {"type": "paragraph", "value": html}
