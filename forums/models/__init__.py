"""Political dialogue: forums and their meetings (Wagtail pages), documents, delegations,
commitments, reporting cycles and country reports. Rules that change these rows live in
``forums/services.py`` and ``forums/workflow.py``."""

from .delegations import Delegate, Delegation, DelegationTransition
from .documents import DocumentFile, ForumDocument
from .follow_up import (
    Commitment,
    CommitmentStatus,
    CommitmentTag,
    CountryReport,
    ReminderSent,
    ReportingCycle,
    ReportTransition,
    Status,
    StatusChange,
)
from .pages import AgendaItem, ForumIndexPage, ForumOfficer, ForumPage, MeetingPage

__all__ = [
    "AgendaItem", "Commitment", "CommitmentStatus", "CommitmentTag", "CountryReport", "Delegate",
    "Delegation", "DelegationTransition", "DocumentFile", "ForumDocument", "ForumIndexPage",
    "ForumOfficer", "ForumPage", "MeetingPage", "ReminderSent", "ReportTransition",
    "ReportingCycle", "Status", "StatusChange",
]
