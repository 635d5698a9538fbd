"""The projects domain's models, one module per family."""

from .audit import Transition
from .organisations import Organisation
from .pages import ProjectDocument, ProjectIndexPage, ProjectPage
from .proposals import Proposal, ProposalReview
from .records import ActivityLink, BudgetLine, Participation, Project
from .results import Indicator, IndicatorActual, ProgressReport, Result

__all__ = [
    "ActivityLink", "BudgetLine", "Indicator", "IndicatorActual", "Organisation",
    "Participation", "ProgressReport", "Project", "ProjectDocument", "ProjectIndexPage",
    "ProjectPage", "Proposal", "ProposalReview", "Result", "Transition",
]
