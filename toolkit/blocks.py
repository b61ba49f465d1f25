"""StreamField blocks for guides and the roadmap."""

from wagtail import blocks

from network_site.blocks import RICH_TEXT_FEATURES


class GuideStepBlock(blocks.StructBlock):
    """One step of a guide, in the order readers should follow."""

    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        template = "toolkit/blocks/guide_step_block.html"


class RoadmapPhaseBlock(blocks.StructBlock):
    """A phase of the implementation roadmap: its goal, steps, duration, roles and examples."""

    title = blocks.CharBlock(max_length=120)
    goal = blocks.TextBlock(help_text="What the city has when this phase is done.")
    steps = blocks.ListBlock(blocks.CharBlock(max_length=250), min_num=1)
    typical_duration = blocks.CharBlock(max_length=60, help_text="For example '2–3 months'.")
    roles = blocks.ListBlock(
        blocks.CharBlock(max_length=120), help_text="Who takes part, e.g. 'communication team'."
    )
    guides = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="toolkit.GuidePage"), label="Guides", default=[]
    )
    case_studies = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="casestudies.CaseStudyPage"),
        label="Case studies",
        default=[],
    )

    class Meta:
        icon = "list-ol"
        template = "toolkit/blocks/roadmap_phase_block.html"
