"""THE state machine of a network membership.

    requested → member (the secretariat approves) → left (the agency or the secretariat)
    requested → declined (the secretariat, with a reason)

A request is created by :func:`networks.services.membership_request`; every later change goes
through :data:`WORKFLOW` (``cms.workflow``: one transaction, the row locked, state, person and
version checked, one audit row). Each change that makes or ends a membership brings
``Network.members`` in step in the same transaction (``services.sync_network_members``).
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.workflow import Action, StateMachine, TransitionRefused

from . import permissions
from .models import Membership, MembershipState, MembershipTransition

__all__ = ["WORKFLOW", "MembershipRefused", "MembershipWorkflow"]


class MembershipRefused(TransitionRefused):
    default_code = "membership_refused"


def _secretariat(user, membership) -> bool:
    return permissions.may_decide(user, membership.network)


def _agency_or_secretariat(user, membership) -> bool:
    return permissions.may_leave(user, membership)


class MembershipWorkflow(StateMachine):
    model = Membership
    refused = MembershipRefused
    lock_related = ("network", "agency__country")
    not_possible_message = _("“%(action)s” is not possible while the membership is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this membership.")
    stale_message = _(
        "Someone else changed this membership while you were reading it. "
        "Reload the page and try again."
    )

    def apply(self, action: Action, membership, *, by, **params) -> None:
        now = timezone.now()
        if action.name == "approve":
            membership.decided_at = now
            membership.joined_on = timezone.localdate(now)
        elif action.name == "decline":
            membership.decided_at = now
        elif action.name == "leave":
            membership.left_on = timezone.localdate(now)

    def record(self, action: Action, membership, *, from_state: str, by, comment: str):
        if action.reason_required or action.name == "leave":
            membership.reason = comment
            membership.save(update_fields=["reason"])
        return MembershipTransition.objects.create(
            membership=membership,
            action=action.name,
            from_state=from_state,
            to_state=action.target,
            by=by if getattr(by, "pk", None) else None,
            comment=comment,
        )

    def after(self, action: Action, membership, record) -> None:
        from .services import notify_membership, sync_network_members

        sync_network_members(network=membership.network)
        notify_membership(membership, record)


WORKFLOW = MembershipWorkflow(
    (
        Action(
            "approve", _("Approve"), (MembershipState.REQUESTED,), MembershipState.MEMBER,
            _secretariat,
        ),
        Action(
            "decline", _("Decline"), (MembershipState.REQUESTED,), MembershipState.DECLINED,
            _secretariat, reason_required=True,
        ),
        Action(
            "leave", _("Leave the network"), (MembershipState.MEMBER,), MembershipState.LEFT,
            _agency_or_secretariat,
        ),
    )
)
