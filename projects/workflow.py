"""THE states of the projects domain, and the only code that changes them.

Concept note (``Proposal.state``)::

    draft → submitted → under review → changes requested (→ submitted)
                                     → approved into design (creates the project record)
                                     → declined (with a reason)

Project (``Project.status``)::

    concept → in design → approved → in implementation → completed → evaluated
    suspended ⇄ in implementation (suspending needs a reason)
    cancelled ← concept, in design, approved, in implementation, suspended (with a reason)

Progress report (``ProgressReport.state``)::

    draft → submitted → accepted | returned (with a reason) → submitted

Each machine subclasses :class:`cms.workflow.StateMachine`: one transaction, the row locked,
the state, the person and the version checked, one audit row (:class:`Transition`).
Focal points act only for their own agency; the secretariat reviews and decides.
"""

from __future__ import annotations

import calendar
import datetime

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.permissions import is_secretariat, may_act_for
from cms.workflow import Action, StateMachine

from .enums import ProposalState, ReportState, Status
from .models import ProgressReport, Project, Proposal, Transition
from .notifications import transition_notice
from .permissions import may_write_report


def _secretariat(user, obj) -> bool:
    return is_secretariat(user)


def _proposer(user, proposal: Proposal) -> bool:
    return may_act_for(user, proposal.agency_id)


def _lead_or_secretariat(user, project: Project) -> bool:
    return is_secretariat(user) or may_act_for(user, project.lead_agency_id)


def _reporter(user, report: ProgressReport) -> bool:
    return may_write_report(user, report.project, report.agency_id)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


class ProposalWorkflow(StateMachine):
    model = Proposal
    lock_related = ("agency",)
    not_possible_message = _("“%(action)s” is not possible while the concept note is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this concept note.")
    stale_message = _(
        "Someone else changed this concept note while you were reading it. "
        "Reload the page and try again."
    )

    def guard(self, action: Action, proposal, *, comment: str, **params) -> None:
        super().guard(action, proposal, comment=comment)
        if action.name == "approve" and not proposal.reviews.exists():
            raise self.refused(_("Record the review rubric before approving."))

    def record(self, action: Action, proposal, *, from_state: str, by, comment: str):
        return Transition.objects.create(
            proposal=proposal, action=action.name, from_state=from_state,
            to_state=action.target, by=_person(by), comment=comment,
        )

    def after(self, action: Action, proposal, record) -> None:
        if action.name == "approve":
            project_from_proposal(proposal, by=record.by)
        transition_notice("proposal", proposal, record)


class ProjectWorkflow(StateMachine):
    model = Project
    state_field = "status"
    lock_related = ("lead_agency",)
    not_possible_message = _("“%(action)s” is not possible while the project is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this project.")
    stale_message = _(
        "Someone else changed this project while you were reading it. "
        "Reload the page and try again."
    )

    def apply(self, action: Action, project, *, by, **params) -> None:
        today = timezone.localdate()
        if action.name == "start" and not project.actual_start:
            project.actual_start = today
        elif action.name == "complete" and not project.actual_end:
            project.actual_end = max(today, project.actual_start or today)

    def record(self, action: Action, project, *, from_state: str, by, comment: str):
        reason = comment if action.reason_required else ""
        if project.status_reason != reason:
            project.status_reason = reason
            project.save(update_fields=["status_reason"])
        return Transition.objects.create(
            project=project, action=action.name, from_state=from_state,
            to_state=action.target, by=_person(by), comment=comment,
        )

    def after(self, action: Action, project, record) -> None:
        transition_notice("project", project, record)


class ReportWorkflow(StateMachine):
    model = ProgressReport
    lock_related = ("project",)
    not_possible_message = _("“%(action)s” is not possible while the report is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this report.")
    stale_message = _(
        "Someone else changed this report while you were reading it. "
        "Reload the page and try again."
    )

    def guard(self, action: Action, report, *, comment: str, **params) -> None:
        super().guard(action, report, comment=comment)
        if action.name == "submit" and not report.narrative.strip():
            raise self.refused(_("Describe the progress of the period before submitting."))

    def record(self, action: Action, report, *, from_state: str, by, comment: str):
        return Transition.objects.create(
            report=report, action=action.name, from_state=from_state,
            to_state=action.target, by=_person(by), comment=comment,
        )

    def after(self, action: Action, report, record) -> None:
        transition_notice("report", report, record)


def _person(by):
    return by if getattr(by, "pk", None) else None


PS = ProposalState
PROPOSALS = ProposalWorkflow((
    Action("submit", _("Submit"), (PS.DRAFT, PS.CHANGES_REQUESTED), PS.SUBMITTED, _proposer),
    Action("start_review", _("Start the review"), (PS.SUBMITTED,), PS.UNDER_REVIEW, _secretariat),
    Action("request_changes", _("Ask for changes"), (PS.UNDER_REVIEW,), PS.CHANGES_REQUESTED,
           _secretariat, reason_required=True),
    Action("approve", _("Approve into design"), (PS.UNDER_REVIEW,), PS.APPROVED, _secretariat),
    Action("decline", _("Decline"), (PS.UNDER_REVIEW,), PS.DECLINED, _secretariat,
           reason_required=True),
))

S = Status
PROJECTS = ProjectWorkflow((
    Action("start_design", _("Start the design"), (S.CONCEPT,), S.IN_DESIGN, _secretariat),
    Action("approve", _("Approve the project"), (S.IN_DESIGN,), S.APPROVED, _secretariat),
    Action("start", _("Start implementation"), (S.APPROVED,), S.IN_IMPLEMENTATION,
           _lead_or_secretariat),
    Action("complete", _("Mark as completed"), (S.IN_IMPLEMENTATION,), S.COMPLETED,
           _lead_or_secretariat),
    Action("evaluate", _("Record the evaluation"), (S.COMPLETED,), S.EVALUATED, _secretariat),
    Action("suspend", _("Suspend"), (S.IN_IMPLEMENTATION,), S.SUSPENDED, _secretariat,
           reason_required=True),
    Action("resume", _("Resume"), (S.SUSPENDED,), S.IN_IMPLEMENTATION, _secretariat),
    Action("cancel", _("Cancel"),
           (S.CONCEPT, S.IN_DESIGN, S.APPROVED, S.IN_IMPLEMENTATION, S.SUSPENDED), S.CANCELLED,
           _secretariat, reason_required=True),
))

RS = ReportState
REPORTS = ReportWorkflow((
    Action("submit", _("Submit the report"), (RS.DRAFT, RS.RETURNED), RS.SUBMITTED, _reporter),
    Action("accept", _("Accept"), (RS.SUBMITTED,), RS.ACCEPTED, _secretariat),
    Action("return", _("Return for changes"), (RS.SUBMITTED,), RS.RETURNED, _secretariat,
           reason_required=True),
))


def project_from_proposal(proposal: Proposal, *, by) -> Project:
    """The project record an approved concept note becomes: in design, led by the proposing
    agency, planned from the first day of next month for the note's duration."""
    today = timezone.localdate()
    start = _add_months(today.replace(day=1), 1)
    project = Project.objects.create(
        code=f"{start.year}-{proposal.pk}-{slugify(proposal.title)[:24]}".strip("-"),
        title=proposal.title,
        modality=proposal.modality,
        status=Status.IN_DESIGN,
        lead_agency_id=proposal.agency_id,
        planned_start=start,
        planned_end=_add_months(start, proposal.duration_months) - datetime.timedelta(days=1),
        proposal=proposal,
    )
    project.countries.set(proposal.countries.all())
    project.save()  # a ParentalManyToManyField is written when its record is saved
    Transition.objects.create(
        project=project, action="create", from_state="", to_state=Status.IN_DESIGN,
        by=by, comment=str(_("Created from an approved concept note.")),
    )
    return project
