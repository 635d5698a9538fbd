"""THE state machine of an exchange request: its states, its actions, who may fire each one.

    draft → submitted → under review → changes requested (→ submitted) | rejected | approved
    → provider matched → scheduled → in progress → completed → reports submitted → closed

    withdrawn ← any of draft, submitted, under review, changes requested, approved,
                provider matched (the requesting agency, with a reason)

Withdrawal: the requesting agency's focal point may withdraw its own request, giving a reason,
from any state before "scheduled" (``WITHDRAWABLE``). From "scheduled" on, dates, travel and
budgets are committed by both sides, so stopping an exchange is a matter for the secretariat, not
a button; a rejected request is already finished. A withdrawn request is read-only and final: it
leaves the open calls (its pending offers are declined) and the matching, and the parties, the
offering agencies and (once it was submitted) the secretariat are told, with the reason.

Every change of state goes through :func:`transition`: one transaction that locks the request row,
checks the state, the person and (when given) the version the person's form was built from, then
writes the new state and one audit row. Nothing else in the code base assigns ``state``.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.permissions import is_secretariat
from cms.workflow import Action, StateMachine, TransitionRefused

from .models import APPROVED_AND_LATER, WITHDRAWABLE, ExchangeRequest, Offer, State, Transition
from .permissions import acts_for_provider, is_requester

__all__ = [
    "ACTIONS", "Action", "TransitionRefused", "available_actions", "button_action",
    "offer_accept", "transition",
]


# Who is the requester and who the provider is said once, in exchanges/permissions.py.
_requester = is_requester
_provider = acts_for_provider


def _secretariat(user, req: ExchangeRequest) -> bool:
    return is_secretariat(user)


def _party(user, req: ExchangeRequest) -> bool:
    return _requester(user, req) or _provider(user, req)


def _requester_or_secretariat(user, req: ExchangeRequest) -> bool:
    return _requester(user, req) or _secretariat(user, req)


def _party_or_secretariat(user, req: ExchangeRequest) -> bool:
    return _party(user, req) or _secretariat(user, req)


class ExchangeWorkflow(StateMachine):
    model = ExchangeRequest
    lock_related = ("requesting_agency", "provider_agency")
    not_possible_message = _("“%(action)s” is not possible while the request is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this request.")
    stale_message = _(
        "Someone else changed this request while you were reading it. "
        "Reload the page and try again."
    )

    def check(self, action: Action, req, user) -> None:
        if action.name == "withdraw" and req.state in APPROVED_AND_LATER:
            if req.state not in action.sources:
                raise self.refused(
                    _(
                        "The schedule of this exchange is confirmed (it is “%(state)s”): it "
                        "can no longer be withdrawn. Write to the secretariat to stop it."
                    )
                    % {"state": req.get_state_display()}
                )
        super().check(action, req, user)

    def guard(self, action: Action, req, *, comment: str, provider=None, **params) -> None:
        super().guard(action, req, comment=comment)
        if action.name == "submit" and not req.activities.exists():
            raise self.refused(_("Add at least one activity before submitting."))
        if action.name == "approve" and not req.reviews.exists():
            raise self.refused(_("Record the review rubric before approving."))
        if action.name == "match":
            if provider is None or provider.pk == req.requesting_agency_id:
                raise self.refused(_("Choose a provider agency from another country."))
        if action.name == "schedule" and not (req.period_start and req.period_end):
            raise self.refused(_("Set the start and end dates before confirming the schedule."))
        if action.name == "reports_in":
            reported = set(req.reports.values_list("agency_id", flat=True))
            if not req.party_agency_ids <= reported:
                raise self.refused(_("Both sides must submit their final report first."))

    def apply(self, action: Action, req, *, by, provider=None, open_to_offers=None, **params):
        now = timezone.now()
        if action.name == "submit":
            req.submitted_at = now
        elif action.name == "approve":
            req.open_to_offers = bool(open_to_offers)
        elif action.name == "match":
            req.provider_agency = provider
            req.open_to_offers = False
        elif action.name == "complete":
            req.completed_at = now
        elif action.name == "withdraw":
            req.open_to_offers = False
            Offer.objects.filter(request=req, status=Offer.Status.PENDING).update(
                status=Offer.Status.DECLINED
            )

    def record(self, action: Action, req, *, from_state: str, by, comment: str):
        return Transition.objects.create(
            request=req,
            action=action.name,
            from_state=from_state,
            to_state=action.target,
            by=by if getattr(by, "pk", None) else None,
            comment=comment,
        )

    def after(self, action: Action, req, record) -> None:
        from .notifications import notify_transition

        notify_transition(req, record)


WORKFLOW = ExchangeWorkflow(
    (
        Action(
            "submit",
            _("Submit"),
            (State.DRAFT, State.CHANGES_REQUESTED),
            State.SUBMITTED,
            _requester,
        ),
        Action(
            "start_review",
            _("Start the review"),
            (State.SUBMITTED,),
            State.UNDER_REVIEW,
            _secretariat,
        ),
        Action(
            "request_changes",
            _("Ask for changes"),
            (State.UNDER_REVIEW,),
            State.CHANGES_REQUESTED,
            _secretariat,
        ),
        Action("reject", _("Reject"), (State.UNDER_REVIEW,), State.REJECTED, _secretariat),
        Action("approve", _("Approve"), (State.UNDER_REVIEW,), State.APPROVED, _secretariat),
        Action(
            "match",
            _("Match the provider"),
            (State.APPROVED,),
            State.PROVIDER_MATCHED,
            _requester_or_secretariat,
            internal=True,
        ),
        Action(
            "schedule",
            _("Confirm the schedule"),
            (State.PROVIDER_MATCHED,),
            State.SCHEDULED,
            _secretariat,
        ),
        Action(
            "start",
            _("Mark as started"),
            (State.SCHEDULED,),
            State.IN_PROGRESS,
            _party_or_secretariat,
        ),
        Action(
            "complete",
            _("Mark as completed"),
            (State.IN_PROGRESS,),
            State.COMPLETED,
            _party_or_secretariat,
        ),
        Action(
            "reports_in",
            _("Record both reports"),
            (State.COMPLETED,),
            State.REPORTS_SUBMITTED,
            _party,
            internal=True,
        ),
        Action("close", _("Close"), (State.REPORTS_SUBMITTED,), State.CLOSED, _secretariat),
        Action(
            "withdraw",
            _("Withdraw"),
            WITHDRAWABLE,
            State.WITHDRAWN,
            _requester,
            reason_required=True,
        ),
    )
)
ACTIONS = WORKFLOW.actions
button_action = WORKFLOW.button_action


def available_actions(req: ExchangeRequest, user) -> list[Action]:
    """The buttons ``user`` may press on ``req`` now (internal actions excluded)."""
    return WORKFLOW.available_actions(req, user)


def transition(
    req: ExchangeRequest,
    action_name: str,
    *,
    by,
    comment: str = "",
    expected_version: int | None = None,
    provider=None,
    open_to_offers: bool | None = None,
) -> ExchangeRequest:
    """Fire ``action_name`` on ``req`` as ``by``; return the updated request.

    Raises :class:`TransitionRefused` (leaving the data as it was) when the state, the person or
    the version is wrong (:meth:`cms.workflow.StateMachine.transition`).
    """
    return WORKFLOW.transition(
        req,
        action_name,
        by=by,
        comment=comment,
        expected_version=expected_version,
        provider=provider,
        open_to_offers=open_to_offers,
    )


def offer_accept(*, offer: Offer, by, comment: str = "", expected_version=None) -> ExchangeRequest:
    """Pick ``offer``: its agency becomes the provider, the other offers are declined."""
    with transaction.atomic():
        if not Offer.objects.filter(pk=offer.pk, status=Offer.Status.PENDING).exists():
            raise TransitionRefused(_("This offer can no longer be accepted."))
        req = transition(
            offer.request,
            "match",
            by=by,
            comment=comment or str(_("Offer accepted.")),
            expected_version=expected_version,
            provider=offer.agency,
        )
        Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.ACCEPTED)
        Offer.objects.filter(request=req).exclude(pk=offer.pk).update(status=Offer.Status.DECLINED)
    return req
