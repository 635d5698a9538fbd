"""Who is told about political dialogue, and the addresses their emails link to."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from cms.accounts import roles
from cms.accounts.models import AgencyClaim


def focal_points_of(country_id: int) -> list[int]:
    """Active focal points with an approved claim for an agency of this country."""
    return list(
        get_user_model().objects.filter(
            is_active=True,
            groups__name=roles.FOCAL_POINT,
            agency_claims__status=AgencyClaim.Status.APPROVED,
            agency_claims__agency__country_id=country_id,
        ).distinct().values_list("pk", flat=True)
    )


def secretariat_people() -> list[int]:
    return list(
        get_user_model().objects.filter(is_active=True, groups__name=roles.SECRETARIAT)
        .values_list("pk", flat=True)
    )


def _en(name, *args) -> str:
    # Absolute links in emails use the default language; the site redirects from there.
    with translation.override("en"):
        return reverse(name, args=args)


def report_path(report) -> str:
    return _en("forums:report", report.pk)


def delegation_path(delegation) -> str:
    return _en("forums:delegation", delegation.pk)
