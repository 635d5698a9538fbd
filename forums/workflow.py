"""THE state machines of political dialogue (on ``cms.workflow``): country reports and
delegations. Nothing else assigns their ``state``.

Country report::

    draft → submitted → accepted
                      ↘ returned (with comments) → submitted (resubmitted) → …

Delegation::

    draft → submitted → confirmed
                      ↘ returned (with comments) → submitted → …
    confirmed → returned (the secretariat reopens it)

The country's focal point submits (a delegation only while registration is open); the
secretariat accepts, confirms or returns, any time.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.notify import absolute_url, notify
from cms.workflow import Action, StateMachine, TransitionRefused

from . import permissions
from .models import (
    CountryReport,
    Delegation,
    DelegationTransition,
    ReportTransition,
)

__all__ = ["DELEGATIONS", "REPORTS", "TransitionRefused"]

R = CountryReport.State
D = Delegation.State


def _reporter(user, report) -> bool:
    return permissions.acts_for_country(user, report.country_id)


def _registrar(user, delegation) -> bool:
    return permissions.may_register(user, delegation.meeting, delegation.country_id)


def _secretariat(user, obj) -> bool:
    return permissions.may_review(user)


class ReportWorkflow(StateMachine):
    model = CountryReport
    lock_related = ("cycle", "country")
    not_possible_message = _("“%(action)s” is not possible while the report is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this report.")
    stale_message = _(
        "Someone else changed this report while you were reading it. Reload the page and try "
        "again."
    )

    def guard(self, action, report, *, comment: str, **params) -> None:
        super().guard(action, report, comment=comment)
        if action.name == "submit":
            if report.cycle.opens_on > timezone.localdate():
                raise self.refused(_("This reporting cycle has not opened yet."))
            if not report.rows.exists():
                raise self.refused(_("The report has no commitment to report on."))

    def apply(self, action, report, *, by, **params) -> None:
        if action.name == "submit":
            report.submitted_at = timezone.now()
        elif action.name == "accept":
            report.accepted_at = timezone.now()

    def record(self, action, report, *, from_state, by, comment):
        return ReportTransition.objects.create(
            report=report, action=action.name, from_state=from_state, to_state=action.target,
            by=by if getattr(by, "pk", None) else None, comment=comment,
        )

    def after(self, action, report, record) -> None:
        from .notifications import focal_points_of, report_path

        context = {
            "report_id": report.pk,
            "cycle": report.cycle.title,
            "country": report.country.name_en,
            "country_code": report.country.code,
            "comment": record.comment,
            "url": absolute_url(report_path(report)),
        }
        if action.name == "submit":
            from .notifications import secretariat_people

            notify(secretariat_people(), "forums/report_submitted", context)
        elif action.name == "accept":
            notify(focal_points_of(report.country_id), "forums/report_accepted", context)
        # A returned report's email is a reminder sent once by ``forum_reminders``.


REPORTS = ReportWorkflow(
    (
        Action("submit", _("Submit the report"), (R.DRAFT, R.RETURNED), R.SUBMITTED, _reporter),
        Action("accept", _("Accept"), (R.SUBMITTED,), R.ACCEPTED, _secretariat),
        Action("return", _("Return with comments"), (R.SUBMITTED,), R.RETURNED, _secretariat,
               reason_required=True),
    )
)


class DelegationWorkflow(StateMachine):
    model = Delegation
    lock_related = ("meeting", "country")
    not_possible_message = _(
        "“%(action)s” is not possible while the delegation is “%(state)s”."
    )
    not_allowed_message = _("You are not allowed to “%(action)s” this delegation.")
    stale_message = _(
        "Someone else changed this delegation while you were reading it. Reload the page and "
        "try again."
    )

    def guard(self, action, delegation, *, comment: str, **params) -> None:
        super().guard(action, delegation, comment=comment)
        if action.name == "submit":
            delegates = list(delegation.delegates.values_list("role", flat=True))
            if delegates.count("head") != 1:
                raise self.refused(_("Name the head of delegation before submitting."))

    def record(self, action, delegation, *, from_state, by, comment):
        return DelegationTransition.objects.create(
            delegation=delegation, action=action.name, from_state=from_state,
            to_state=action.target, by=by if getattr(by, "pk", None) else None, comment=comment,
        )

    def after(self, action, delegation, record) -> None:
        from .notifications import delegation_path, focal_points_of

        if action.name in ("confirm", "return"):
            notify(
                focal_points_of(delegation.country_id),
                "forums/delegation_reviewed",
                {
                    "meeting": delegation.meeting.title,
                    "state": delegation.state,
                    "comment": record.comment,
                    "url": absolute_url(delegation_path(delegation)),
                },
            )


DELEGATIONS = DelegationWorkflow(
    (
        Action("submit", _("Submit the delegation"), (D.DRAFT, D.RETURNED), D.SUBMITTED,
               _registrar),
        Action("confirm", _("Confirm"), (D.SUBMITTED,), D.CONFIRMED, _secretariat),
        Action("return", _("Return with comments"), (D.SUBMITTED, D.CONFIRMED), D.RETURNED,
               _secretariat, reason_required=True),
    )
)
