"""Who may see and do what in a network (deny by default). Views, API, admin and the room link
all ask here."""

from __future__ import annotations

from cms.permissions import (
    is_active_user,
    is_focal_point,
    is_secretariat,
    may_act_for,
    represented_agency_ids,
)


def member_agency_ids(network) -> set[int]:
    """The network's current member agencies (``Network.members``, kept by the services)."""
    cached = network.__dict__.get("_member_ids")
    if cached is None:
        cached = set(network.members.values_list("pk", flat=True))
        network.__dict__["_member_ids"] = cached
    return cached


def is_member_person(user, network) -> bool:
    """Works at a member agency or is an approved focal point of one (the room's rule)."""
    if not is_active_user(user):
        return False
    members = member_agency_ids(network)
    if user.agency_id and user.agency_id in members:
        return True
    return bool(represented_agency_ids(user) & members)


def may_see_working_pages(user, network) -> bool:
    """The member directory with focal points, announcements and the room link."""
    return is_active_user(user) and (is_secretariat(user) or is_member_person(user, network))


def may_decide(user, network=None) -> bool:
    """Approving or declining a request, recording a departure, posting announcements."""
    return is_secretariat(user)


def agencies_that_may_join(user, network) -> list[int]:
    """Agencies ``user`` acts for that are not members (nor already asking)."""
    if not is_focal_point(user):
        return []
    return sorted(
        a for a in represented_agency_ids(user) if a not in member_agency_ids(network)
        and may_act_for(user, a)
    )


def may_ask_to_join(user, network, agency_id: int) -> bool:
    return may_act_for(user, agency_id) and agency_id not in member_agency_ids(network)


def may_leave(user, membership) -> bool:
    return is_secretariat(user) or may_act_for(user, membership.agency_id)


def may_cancel(user, membership) -> bool:
    return may_act_for(user, membership.agency_id)
