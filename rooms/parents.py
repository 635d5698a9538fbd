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
    # Optional: def language(self, parent) -> str — the language its room is held in, when the
    # parent has no locale of its own (see ``language_of``).


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


def language_of(parent: models.Model) -> str:
    """The language of a parent's room: the policy's ``language(parent)`` when it has one, else
    the parent's locale (a course's cohort, a webinar), else the site's default."""
    from django.conf import settings

    answer = getattr(policy_for(parent), "language", None)
    if answer is not None:
        code = answer(parent)
    else:
        code = getattr(getattr(parent, "locale", None), "language_code", None)
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def readable_ids(user, model: type[models.Model], ids) -> set[int]:
    """The ids among ``ids`` (parents of type ``model``) that ``user`` may read: one query when
    the policy can answer for the whole set (``readable``), else one check per parent."""
    policy = _policies[model]
    parents = model._default_manager.filter(pk__in=list(ids))
    batch = getattr(policy, "readable", None)
    if batch is not None:
        return set(batch(user, parents).values_list("pk", flat=True))
    return {parent.pk for parent in parents if policy.may_read(user, parent)}


class NetworkRoomPolicy(RoomPolicy):
    """A network's room: the verified people of its member agencies talk; the secretariat
    moderates.

    Verified means an approved claim on the agency (``cms.permissions.represented_agency_ids``):
    the agency a person picks in their own profile is a claim, not a grant."""

    kind = "network"

    def is_member(self, user, parent) -> bool:
        from cms.permissions import represented_agency_ids

        agencies = represented_agency_ids(user)
        return bool(agencies) and parent.members.filter(pk__in=agencies).exists()

    def language(self, parent) -> str:
        """The language most of its member agencies' countries speak (ties: the first met)."""
        from collections import Counter

        from cms.directory.models import Country

        countries = Country.objects.filter(agencies__networks=parent).distinct()
        spoken = Counter(country.site_language for country in countries)
        return spoken.most_common(1)[0][0] if spoken else ""

    def readable(self, user, parents):
        from cms.permissions import is_active_user, is_secretariat, represented_agency_ids

        if not is_active_user(user):
            return parents.none()
        if is_secretariat(user):
            return parents
        links = parents.model.members.through.objects.filter(
            agency_id__in=represented_agency_ids(user)
        )
        return parents.filter(pk__in=links.values("network_id"))
