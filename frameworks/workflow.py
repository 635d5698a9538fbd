"""THE state machine of a national report (one writer of ``NationalReport.state``):

    due ──submit──▶ submitted ──review──▶ reviewed
     └─mark_late─▶ late ──submit──▶ submitted

``submit``: a focal point of the report's country, once a file is attached. ``review``: the
secretariat, recording the follow-up mechanism's observations. ``mark_late``: the reminders
command, once the due date has passed (internal, never a button).
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from cms.notify import absolute_url, notify
from cms.workflow import Action, StateMachine

from . import permissions
from .models import NationalReport, NationalReportTransition

State = NationalReport.State


def _country_focal_point(user, report) -> bool:
    return permissions.may_submit_report(user, report)


def _secretariat(user, report) -> bool:
    return permissions.may_manage_reports(user)


def _system_or_secretariat(user, report) -> bool:
    return user is None or permissions.may_manage_reports(user)


class ReportWorkflow(StateMachine):
    model = NationalReport
    lock_related = ("cycle", "country")
    not_possible_message = _("“%(action)s” is not possible while the report is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this report.")
    stale_message = _(
        "Someone else changed this report while you were reading it. Reload the page and try "
        "again."
    )

    def guard(self, action: Action, report, *, comment: str, observations: str = "", **params):
        super().guard(action, report, comment=comment)
        if action.name == "submit" and not report.files.exists():
            raise self.refused(_("Attach the report (at least one file) before submitting it."))
        if action.name == "review" and not observations.strip():
            raise self.refused(_("Record the mechanism's observations before marking the "
                                 "report reviewed."))

    def apply(self, action: Action, report, *, by, observations: str = "", **params):
        now = timezone.now()
        if action.name == "submit":
            report.submitted_at = now
        elif action.name == "review":
            report.observations = observations.strip()
            report.reviewed_at = now

    def record(self, action: Action, report, *, from_state: str, by, comment: str):
        return NationalReportTransition.objects.create(
            report=report, action=action.name, from_state=from_state, to_state=action.target,
            by=by if getattr(by, "pk", None) else None, comment=comment,
        )

    def after(self, action: Action, report, record) -> None:
        if action.name != "review":
            return
        from .services import report_recipients

        notify(report_recipients(report), "frameworks/report_reviewed", {
            "code": report.cycle.framework.code, "cycle": report.cycle.name_en,
            "url": absolute_url(report.get_absolute_url()),
            "state": gettext_noop("Reviewed"),
        })


WORKFLOW = ReportWorkflow(
    (
        Action("submit", _("Submit the report"), (State.DUE, State.LATE), State.SUBMITTED,
               _country_focal_point),
        Action("review", _("Record the observations"), (State.SUBMITTED,), State.REVIEWED,
               _secretariat),
        Action("mark_late", _("Mark as late"), (State.DUE,), State.LATE,
               _system_or_secretariat, internal=True),
    )
)
