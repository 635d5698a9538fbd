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

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.permissions import is_secretariat, may_act_for

from .models import APPROVED_AND_LATER, WITHDRAWABLE, ExchangeRequest, Offer, State, Transition


class TransitionRefused(Exception):
    """The action is not allowed now, for this person, or from this (stale) form."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _requester(user, req: ExchangeRequest) -> bool:
    return may_act_for(user, req.requesting_agency_id)


def _provider(user, req: ExchangeRequest) -> bool:
    return bool(req.provider_agency_id) and may_act_for(user, req.provider_agency_id)


def _secretariat(user, req: ExchangeRequest) -> bool:
    return is_secretariat(user)


def _party(user, req: ExchangeRequest) -> bool:
    return _requester(user, req) or _provider(user, req)


def _requester_or_secretariat(user, req: ExchangeRequest) -> bool:
    return _requester(user, req) or _secretariat(user, req)


def _party_or_secretariat(user, req: ExchangeRequest) -> bool:
    return _party(user, req) or _secretariat(user, req)


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    may: Callable  # (user, request) -> bool
    #: Only fired by a service (picking an offer, the last report), never by a plain button.
    internal: bool = False
    #: The comment is the required reason (withdrawal).
    reason_required: bool = False


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
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
}


def button_action(name: str) -> Action | None:
    """The action a button or API call names, unless it is unknown or fired only by a service."""
    action = ACTIONS.get(name)
    return None if action is None or action.internal else action


def available_actions(req: ExchangeRequest, user) -> list[Action]:
    """The buttons ``user`` may press on ``req`` now (internal actions excluded)."""
    return [
        a
        for a in ACTIONS.values()
        if not a.internal and req.state in a.sources and a.may(user, req)
    ]


def _check(action: Action, req: ExchangeRequest, user) -> None:
    if action.name == "withdraw" and req.state in APPROVED_AND_LATER:
        if req.state not in action.sources:
            raise TransitionRefused(
                _(
                    "The schedule of this exchange is confirmed (it is “%(state)s”): it can "
                    "no longer be withdrawn. Write to the secretariat to stop it."
                )
                % {"state": req.get_state_display()}
            )
    if req.state not in action.sources:
        raise TransitionRefused(
            _("“%(action)s” is not possible while the request is “%(state)s”.")
            % {"action": action.label, "state": req.get_state_display()}
        )
    if not action.may(user, req):
        raise TransitionRefused(
            _("You are not allowed to “%(action)s” this request.") % {"action": action.label}
        )


def _guard(action: Action, req: ExchangeRequest, provider, comment: str) -> None:
    """Conditions on the request's content, beyond state and person."""
    if action.reason_required and not comment.strip():
        raise TransitionRefused(
            _("A reason is required for “%(action)s”: write it in the comment.")
            % {"action": action.label}
        )
    if action.name == "submit" and not req.activities.exists():
        raise TransitionRefused(_("Add at least one activity before submitting."))
    if action.name == "approve" and not req.reviews.exists():
        raise TransitionRefused(_("Record the review rubric before approving."))
    if action.name == "match":
        if provider is None or provider.pk == req.requesting_agency_id:
            raise TransitionRefused(_("Choose a provider agency from another country."))
    if action.name == "schedule" and not (req.period_start and req.period_end):
        raise TransitionRefused(_("Set the start and end dates before confirming the schedule."))
    if action.name == "reports_in":
        reported = set(req.reports.values_list("agency_id", flat=True))
        if not req.party_agency_ids <= reported:
            raise TransitionRefused(_("Both sides must submit their final report first."))


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
    the version is wrong. ``expected_version`` is the version the person's form showed: if
    someone else changed the request since, the action is refused rather than applied twice.
    """
    from .notifications import notify_transition

    action = ACTIONS.get(action_name)
    if action is None:
        raise TransitionRefused(_("Unknown action."))
    with transaction.atomic():
        locked = (
            ExchangeRequest.objects.select_for_update(of=("self",))
            .select_related("requesting_agency", "provider_agency")
            .get(pk=req.pk)
        )
        if expected_version is not None and locked.version != expected_version:
            raise TransitionRefused(
                _(
                    "Someone else changed this request while you were reading it. "
                    "Reload the page and try again."
                )
            )
        _check(action, locked, by)
        _guard(action, locked, provider, comment)
        from_state = locked.state
        locked.state = action.target
        locked.version += 1
        now = timezone.now()
        if action.name == "submit":
            locked.submitted_at = now
        elif action.name == "approve":
            locked.open_to_offers = bool(open_to_offers)
        elif action.name == "match":
            locked.provider_agency = provider
            locked.open_to_offers = False
        elif action.name == "complete":
            locked.completed_at = now
        elif action.name == "withdraw":
            locked.open_to_offers = False
            Offer.objects.filter(request=locked, status=Offer.Status.PENDING).update(
                status=Offer.Status.DECLINED
            )
        locked.save()
        record = Transition.objects.create(
            request=locked,
            action=action.name,
            from_state=from_state,
            to_state=action.target,
            by=by if getattr(by, "pk", None) else None,
            comment=comment.strip(),
        )
        notify_transition(locked, record)
    return locked


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
