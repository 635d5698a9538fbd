"""What a room can belong to, and who may read, post and moderate there.

Each app that owns a kind of parent (a network, a cohort, a webinar, an exchange) registers a
policy for its model in its ``AppConfig.ready()``::

    from rooms import parents
    parents.register(Cohort, CohortRoomPolicy())

The rooms app asks the registered policy on every page view, form post and WebSocket frame, so
that a person removed from the parent loses access at once.

The room list asks once per kind of parent, not once per room: a policy may offer
``readable(user, parents)`` narrowing a queryset of its parents to those the person may read
(one query); ``tests/rooms/test_index.py`` checks that every batch answer equals the per-parent
``may_read`` answer. A policy without one is asked parent by parent.
"""

from typing import Protocol

from django.db import models


class RoomParentPolicy(Protocol):
    #: Short name of the kind of parent, used for retention settings ("network", "cohort"…).
    kind: str

    def may_read(self, user, parent) -> bool: ...

    def may_post(self, user, parent) -> bool: ...

    def may_moderate(self, user, parent) -> bool: ...

    # Optional: def readable(self, user, parents: QuerySet) -> QuerySet — the parents among
    # ``parents`` that ``may_read`` would allow, in one query.


class RoomPolicy:
    """The base of every parent's policy: members read and post, moderators moderate, and only
    active accounts do anything. A subclass answers ``is_member`` (and ``is_moderator`` when
    the secretariat alone is not enough); ``readable`` answers for a queryset in one query."""

    kind: str = ""

    def is_member(self, user, parent) -> bool:
        raise NotImplementedError

    def is_moderator(self, user, parent) -> bool:
        from cms.permissions import is_secretariat

        return is_secretariat(user)

    def may_read(self, user, parent) -> bool:
        return self.may_post(user, parent)

    def may_post(self, user, parent) -> bool:
        from cms.permissions import is_active_user

        return is_active_user(user) and (
            self.is_member(user, parent) or self.is_moderator(user, parent)
        )

    def may_moderate(self, user, parent) -> bool:
        from cms.permissions import is_active_user

        return is_active_user(user) and self.is_moderator(user, parent)


_policies: dict[type[models.Model], RoomParentPolicy] = {}


def register(model: type[models.Model], policy: RoomParentPolicy) -> None:
    _policies[model] = policy


def policy_for(parent: models.Model) -> RoomParentPolicy:
    for model in type(parent).__mro__:
        if model in _policies:
            return _policies[model]
    raise LookupError(f"No room policy is registered for {type(parent).__name__}")


def registered_models() -> list[type[models.Model]]:
    return list(_policies)


def kind_of(parent: models.Model) -> str:
    return policy_for(parent).kind


def readable_ids(user, model: type[models.Model], ids) -> set[int]:
    """The ids among ``ids`` (parents of type ``model``) that ``user`` may read: one query when
    the policy can answer for the whole set (``readable``), else one check per parent."""
    policy = _policies[model]
    parents = model._default_manager.filter(pk__in=list(ids))
    batch = getattr(policy, "readable", None)
    if batch is not None:
        return set(batch(user, parents).values_list("pk", flat=True))
    return {parent.pk for parent in parents if policy.may_read(user, parent)}


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


class NetworkRoomPolicy:
    """A network's room: staff and focal points of member agencies talk; the secretariat
    moderates."""

    kind = "network"

    def may_read(self, user, parent) -> bool:
        return self.may_post(user, parent) or self.may_moderate(user, parent)

    def may_post(self, user, parent) -> bool:
        from cms.accounts.models import AgencyClaim

        if not (getattr(user, "is_authenticated", False) and user.is_active):
            return False
        # One query: works at a member agency, or is its approved focal point
        # (the rule of cms.permissions.represented_agency_ids).
        claimed = models.Q(claims__user=user, claims__status=AgencyClaim.Status.APPROVED)
        worker = models.Q(pk=user.agency_id) if user.agency_id else models.Q(pk__in=[])
        if parent.members.filter(worker | claimed).exists():
            return True
        return self.may_moderate(user, parent)

    def may_moderate(self, user, parent) -> bool:
        from cms.permissions import is_secretariat

        return is_secretariat(user)

    def readable(self, user, parents):
        from cms.accounts.models import AgencyClaim
        from cms.directory.models import Agency
        from cms.permissions import is_secretariat

        if not _active(user):
            return parents.none()
        if is_secretariat(user):
            return parents
        claimed = models.Q(claims__user=user, claims__status=AgencyClaim.Status.APPROVED)
        worker = models.Q(pk=user.agency_id) if user.agency_id else models.Q(pk__in=[])
        agencies = Agency.objects.filter(worker | claimed).values("pk")
        return parents.filter(pk__in=parents.model.members.through.objects.filter(
            agency_id__in=agencies).values("network_id"))
