from .case_studies import CaseStudyFigure, CaseStudyIndexPage, CaseStudyPage, CaseStudyTag
from .cities import CityCaseStudiesPage, CityIndexPage, CityPage, CityToolAudit, CityUpdatesPage
from .updates import UpdateIndexPage, UpdatePage

__all__ = [
    "CaseStudyFigure",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyTag",
    "CityCaseStudiesPage",
    "CityIndexPage",
    "CityPage",
    "CityToolAudit",
    "CityUpdatesPage",
    "UpdateIndexPage",
    "UpdatePage",
]
