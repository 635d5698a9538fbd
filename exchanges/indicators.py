"""Indicators of the exchanges for the secretariat and the rows of their CSV export (the page
and the download are in exchanges/admin.py)."""

from django.db.models import Avg, Count, Prefetch
from django.utils.translation import gettext as _

from .models import Activity, Evaluation, ExchangeRequest, Modality, State


def submitted_requests():
    """Every request that reached the secretariat: drafts, and drafts withdrawn before they
    were ever submitted, are the agency's own business."""
    return ExchangeRequest.objects.exclude(state=State.DRAFT).exclude(
        state=State.WITHDRAWN, submitted_at__isnull=True
    )


def indicators(queryset=None) -> dict:
    """Counts by requesting and providing country, theme, modality and state; satisfaction.

    Withdrawn requests count in the total and in the breakdown by state only: they never took
    place, so they are left out of the countries, themes, modalities and satisfaction.
    """
    every = submitted_requests() if queryset is None else queryset
    qs = every.exclude(state=State.WITHDRAWN)
    states = dict(State.choices)
    modalities = dict(Modality.choices)
    return {
        "total": every.count(),
        "by_state": [
            (states[row["state"]], row["n"])
            for row in every.values("state").annotate(n=Count("pk")).order_by("-n", "state")
        ],
        "by_requesting_country": list(
            qs.values_list("requesting_agency__country__name_en")
            .annotate(n=Count("pk"))
            .order_by("-n", "requesting_agency__country__name_en")
        ),
        "by_providing_country": list(
            qs.filter(provider_agency__isnull=False)
            .values_list("provider_agency__country__name_en")
            .annotate(n=Count("pk"))
            .order_by("-n", "provider_agency__country__name_en")
        ),
        "by_theme": list(
            qs.filter(themes__isnull=False)
            .values_list("themes__name_en")
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n", "themes__name_en")
        ),
        "by_modality": [
            (modalities[row["modality"]], row["n"])
            for row in Activity.objects.filter(request__in=qs)
            .values("modality")
            .annotate(n=Count("request", distinct=True))
            .order_by("-n", "modality")
        ],
        "satisfaction": Evaluation.objects.filter(request__in=qs).aggregate(
            avg=Avg("satisfaction"), n=Count("pk")
        ),
    }


def csv_rows(queryset=None):
    qs = submitted_requests() if queryset is None else queryset
    qs = (
        qs.select_related("requesting_agency__country", "provider_agency__country")
        .prefetch_related("themes", Prefetch("activities", queryset=Activity.objects.all()))
        .annotate(satisfaction=Avg("evaluations__satisfaction"))
        .order_by("pk")
    )
    yield [
        _("ID"),
        _("Title"),
        _("Requesting agency"),
        _("Requesting country"),
        _("Provider agency"),
        _("Providing country"),
        _("State"),
        _("Themes"),
        _("Modalities"),
        _("Submitted"),
        _("Completed"),
        _("Average satisfaction"),
    ]
    for req in qs:
        provider = req.provider_agency
        yield [
            req.pk,
            req.title,
            req.requesting_agency.name,
            req.requesting_agency.country.code,
            provider.name if provider else "",
            provider.country.code if provider else "",
            req.state,
            "; ".join(t.slug for t in req.themes.all()),
            "; ".join(a.modality for a in req.activities.all()),
            req.submitted_at.date().isoformat() if req.submitted_at else "",
            req.completed_at.date().isoformat() if req.completed_at else "",
            f"{req.satisfaction:.2f}" if req.satisfaction is not None else "",
        ]
