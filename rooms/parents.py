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
