"""Who may do what with legal frameworks (deny by default). Views, API, admin and the services
call these functions; nothing else decides.

- Everyone reads the instruments, their articles, the status tables and a report's state.
- Only the secretariat writes status rows (admin, CSV import, API), reporting cycles and the
  mechanism's observations.
- Editors and the secretariat edit instruments and articles, and tag content with articles.
- A national report's files and observations are for the secretariat and the focal points of
  that report's country; only those focal points upload files and submit it.
"""

from __future__ import annotations

from cms.directory.models import Agency
from cms.permissions import (
    is_active_user,
    is_editor,
    is_focal_point,
    is_secretariat,
    represented_agency_ids,
)


def may_edit_status(user) -> bool:
    return is_active_user(user) and is_secretariat(user)


def may_edit_frameworks(user) -> bool:
    return is_active_user(user) and is_editor(user)


def may_tag(user) -> bool:
    return is_active_user(user) and is_editor(user)


def may_manage_reports(user) -> bool:
    return is_active_user(user) and is_secretariat(user)


def focal_country_ids(user) -> frozenset[int]:
    """The countries whose reports ``user`` answers for: those of their approved claims."""
    if not (is_active_user(user) and is_focal_point(user)):
        return frozenset()
    cached = user.__dict__.get("_frameworks_countries")
    if cached is None:
        cached = frozenset(
            Agency.objects.filter(pk__in=represented_agency_ids(user)).values_list(
                "country_id", flat=True
            )
        )
        user.__dict__["_frameworks_countries"] = cached
    return cached


def is_country_focal_point(user, country_id: int) -> bool:
    return country_id in focal_country_ids(user)


def may_view_report(user, report) -> bool:
    return may_manage_reports(user) or is_country_focal_point(user, report.country_id)


def may_submit_report(user, report) -> bool:
    return is_country_focal_point(user, report.country_id)
