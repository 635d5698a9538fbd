"""Who may do what: role checks and object-level rules shared by views, API, admin and consumers.

Every rule answers for one user and returns a bool; callers decide how to refuse.
"""

from django.core.cache import cache

from cms.accounts import roles


def _shared(kind: str, user, compute):
    """compute()'s answer for ``user``, kept on the user object for the request and in the
    cache under the permissions version, which any change of groups, group names or agency
    claims replaces (cms/accounts/backends.py)."""
    attribute = f"_puente_{kind}"
    value = user.__dict__.get(attribute)
    if value is None:
        from cms.accounts.backends import permissions_version

        key = f"puente:{kind}:{permissions_version()}:{user.pk}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, 60 * 60)
        user.__dict__[attribute] = value
    return value


def is_active_user(user) -> bool:
    """The one rule for "a signed-in person whose account is active" (every domain calls it)."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def _role_names(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return _shared("roles", user, lambda: frozenset(user.groups.values_list("name", flat=True)))


def has_role(user, role: str) -> bool:
    return user.is_authenticated and user.is_active and role in _role_names(user)


def is_secretariat(user) -> bool:
    return user.is_authenticated and user.is_active and (
        user.is_superuser or roles.SECRETARIAT in _role_names(user)
    )


def is_editor(user) -> bool:
    return has_role(user, roles.EDITOR) or is_secretariat(user)


def requires_second_factor(user) -> bool:
    """Superusers, the secretariat and editors must use a second factor for the admin."""
    return is_active_user(user) and (user.is_superuser or is_editor(user))


def is_instructor(user) -> bool:
    return has_role(user, roles.INSTRUCTOR)


def represented_agency_ids(user) -> frozenset[int]:
    """Agencies the user may act for: those of their approved focal-point claims."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    from cms.accounts.models import AgencyClaim

    return _shared(
        "agency_ids",
        user,
        lambda: frozenset(
            AgencyClaim.objects.filter(user=user, status=AgencyClaim.Status.APPROVED).values_list(
                "agency_id", flat=True
            )
        ),
    )


def is_focal_point(user) -> bool:
    return has_role(user, roles.FOCAL_POINT) and bool(represented_agency_ids(user))


def may_act_for(user, agency) -> bool:
    """True when the user is an approved focal point of ``agency`` (an Agency or its id)."""
    agency_id = getattr(agency, "pk", agency)
    return has_role(user, roles.FOCAL_POINT) and agency_id in represented_agency_ids(user)
