"""What a room can belong to, and who may read, post and moderate there.

Each app that owns a kind of parent (a network, a cohort, a webinar, an exchange) registers a
policy for its model in its ``AppConfig.ready()``::

    from rooms import parents
    parents.register(Cohort, CohortRoomPolicy())

The rooms app asks the registered policy on every page view, form post and WebSocket frame, so
that a person removed from the parent loses access at once.
"""

from typing import Protocol

from django.db import models


class RoomParentPolicy(Protocol):
    #: Short name of the kind of parent, used for retention settings ("network", "cohort"…).
    kind: str

    def may_read(self, user, parent) -> bool: ...

    def may_post(self, user, parent) -> bool: ...

    def may_moderate(self, user, parent) -> bool: ...


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
