"""Who may do what: role checks and object-level rules shared by views, API, admin and consumers.

Every rule answers for one user and returns a bool; callers decide how to refuse.
"""

from cms.accounts import roles


def _role_names(user) -> frozenset[str]:
    # Cached on the user object: one query per request however many checks a page makes.
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_puente_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._puente_roles = cached
    return cached


def has_role(user, role: str) -> bool:
    return user.is_authenticated and user.is_active and role in _role_names(user)


def is_secretariat(user) -> bool:
    return user.is_authenticated and user.is_active and (
        user.is_superuser or roles.SECRETARIAT in _role_names(user)
    )


def is_editor(user) -> bool:
    return has_role(user, roles.EDITOR) or is_secretariat(user)


def is_instructor(user) -> bool:
    return has_role(user, roles.INSTRUCTOR)


def represented_agency_ids(user) -> frozenset[int]:
    """Agencies the user may act for: those of their approved focal-point claims."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    cached = getattr(user, "_puente_agency_ids", None)
    if cached is None:
        from cms.accounts.models import AgencyClaim

        cached = frozenset(
            AgencyClaim.objects.filter(user=user, status=AgencyClaim.Status.APPROVED).values_list(
                "agency_id", flat=True
            )
        )
        user._puente_agency_ids = cached
    return cached


def is_focal_point(user) -> bool:
    return has_role(user, roles.FOCAL_POINT) and bool(represented_agency_ids(user))


def may_act_for(user, agency) -> bool:
    """True when the user is an approved focal point of ``agency`` (an Agency or its id)."""
    agency_id = getattr(agency, "pk", agency)
    return has_role(user, roles.FOCAL_POINT) and agency_id in represented_agency_ids(user)
