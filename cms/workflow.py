"""The state-machine mechanism every workflow of Puente uses (exchange requests, project
proposals, country reports…): one writer of ``state`` per model.

A domain declares its actions and subclasses :class:`StateMachine`, overriding only the steps it
needs (``guard`` for conditions on content, ``apply`` for fields set on the way, ``record`` for
its audit row, ``after`` for notifications). :meth:`StateMachine.transition` gives every domain
the same guarantees: one transaction, the row locked, the state, the person and the version the
person's form was built from checked, then the new state and one audit row written together.
Refusals are :class:`cms.refusals.Refusal` (code ``transition_refused`` unless a subclass says
otherwise) and leave the data as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from cms.refusals import Refusal


class TransitionRefused(Refusal):
    """The action is not allowed now, for this person, or from this (stale) form."""

    default_code = "transition_refused"


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    may: Callable  # (user, obj) -> bool
    #: Only fired by a service (picking an offer, the last report), never by a plain button.
    internal: bool = False
    #: The comment is the required reason (withdrawal, returning a report, declining).
    reason_required: bool = False


class StateMachine:
    """Override the hooks; never assign the state field anywhere else."""

    model: type[models.Model]
    actions: dict[str, Action]
    state_field = "state"
    version_field = "version"
    refused = TransitionRefused
    #: Relations to load with the locked row (``select_related`` names of forward relations).
    lock_related: tuple[str, ...] = ()
    #: Messages, whole sentences so that each language can agree them with its noun.
    not_possible_message = _("“%(action)s” is not possible while the item is “%(state)s”.")
    not_allowed_message = _("You are not allowed to “%(action)s” this item.")
    stale_message = _(
        "Someone else changed this item while you were reading it. Reload the page and try again."
    )

    def __init__(self, actions: Iterable[Action]):
        self.actions = {a.name: a for a in actions}

    # -- reading ----------------------------------------------------------------------------
    def button_action(self, name: str) -> Action | None:
        """The action a button or API call names, unless it is unknown or internal."""
        action = self.actions.get(name)
        return None if action is None or action.internal else action

    def available_actions(self, obj, user) -> list[Action]:
        """The buttons ``user`` may press on ``obj`` now (internal actions excluded)."""
        state = getattr(obj, self.state_field)
        return [
            a
            for a in self.actions.values()
            if not a.internal and state in a.sources and a.may(user, obj)
        ]

    def state_label(self, obj) -> str:
        return str(getattr(obj, f"get_{self.state_field}_display")())

    # -- hooks ------------------------------------------------------------------------------
    def check(self, action: Action, obj, user) -> None:
        """The state and the person."""
        if getattr(obj, self.state_field) not in action.sources:
            raise self.refused(
                self.not_possible_message
                % {"action": action.label, "state": self.state_label(obj)}
            )
        if not action.may(user, obj):
            raise self.refused(self.not_allowed_message % {"action": action.label})

    def guard(self, action: Action, obj, *, comment: str, **params) -> None:
        """Conditions on the object's content, beyond state and person."""
        if action.reason_required and not comment.strip():
            raise self.refused(
                _("A reason is required for “%(action)s”: write it in the comment.")
                % {"action": action.label}
            )

    def apply(self, action: Action, obj, *, by, **params) -> None:
        """Fields set on the way (dates, the chosen provider…), before the row is saved."""

    def record(self, action: Action, obj, *, from_state: str, by, comment: str):
        """Write and return the audit row of this change."""
        raise NotImplementedError

    def after(self, action: Action, obj, record) -> None:
        """Side effects inside the transaction (notifications go out after commit)."""

    # -- the one writer -----------------------------------------------------------------------
    def lock(self, obj):
        queryset = self.model._default_manager.select_for_update(of=("self",))
        if self.lock_related:
            queryset = queryset.select_related(*self.lock_related)
        return queryset.get(pk=obj.pk)

    def transition(
        self,
        obj,
        action_name: str,
        *,
        by,
        comment: str = "",
        expected_version: int | None = None,
        **params,
    ):
        """Fire ``action_name`` on ``obj`` as ``by``; return the updated, locked copy.

        ``expected_version`` is the version the person's form showed: if someone else changed
        the object since, the action is refused rather than applied twice.
        """
        action = self.actions.get(action_name)
        if action is None:
            raise self.refused(_("Unknown action."), code="unknown_action")
        with transaction.atomic():
            locked = self.lock(obj)
            if expected_version is not None and (
                getattr(locked, self.version_field) != expected_version
            ):
                raise self.refused(self.stale_message, code="stale")
            self.check(action, locked, by)
            self.guard(action, locked, comment=comment, **params)
            from_state = getattr(locked, self.state_field)
            setattr(locked, self.state_field, action.target)
            setattr(locked, self.version_field, getattr(locked, self.version_field) + 1)
            self.apply(action, locked, by=by, **params)
            locked.save()
            record = self.record(
                action, locked, from_state=from_state, by=by, comment=comment.strip()
            )
            self.after(action, locked, record)
        return locked
