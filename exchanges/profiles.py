"""What peer exchanges give the networks' pages, the country profiles and the open data.

Registered from ``ExchangesConfig.ready()``; self-contained (reads only exchanges' own models).
Published exchanges (finished, with the requester's agreement) are shown by title; every other
exchange counts only in aggregated figures.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Max, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.directory.models import current_language
from countries import sections
from networks import activity
from opendata import datasets

from .models import APPROVED_AND_LATER, ExchangeRequest
from .versions import EXCHANGES

#: Exchanges that count: approved, whatever came after (a withdrawn or rejected request did
#: not happen).
COUNTED = Q(state__in=APPROVED_AND_LATER)


# -- network activity -------------------------------------------------------------------------
def _among(agency_ids) -> Q:
    ids = list(agency_ids)
    return Q(requesting_agency_id__in=ids, provider_agency_id__in=ids)


def network_items(network, agency_ids, limit) -> list[dict]:
    url = reverse("exchanges:public_list")
    rows = (
        ExchangeRequest.objects.published()
        .filter(_among(agency_ids))
        .order_by("-completed_at", "-pk")
        .values_list("title", "completed_at")[:limit]
    )
    return [{"title": title, "url": url, "date": done} for title, done in rows]


def network_yearly(network, agency_ids):
    rows = (
        ExchangeRequest.objects.filter(COUNTED, _among(agency_ids), submitted_at__isnull=False)
        .annotate(year=ExtractYear("submitted_at"))
        .values("year")
        .annotate(n=Count("pk"))
    )
    return rows


# -- country profile --------------------------------------------------------------------------
def _by_partner(queryset, partner: str) -> list[dict]:
    """[{"code", "name", "n"}] by partner country, names in the reader's language."""
    language = current_language()
    prefix = f"{partner}__country__"
    rows = (
        queryset.values(f"{prefix}code", f"{prefix}name_en", f"{prefix}name_{language}")
        .annotate(n=Count("pk"))
        .order_by("-n", f"{prefix}name_en")
    )
    return [
        {
            "code": r[f"{prefix}code"],
            "name": r[f"{prefix}name_{language}"] or r[f"{prefix}name_en"],
            "n": r["n"],
        }
        for r in rows
    ]


def country_section(country, request) -> dict:
    """Exchanges the country's agencies received and gave, with the partner countries
    (two aggregated queries, whatever their number)."""
    counted = ExchangeRequest.objects.filter(COUNTED)
    received = _by_partner(counted.filter(requesting_agency__country=country), "provider_agency")
    given = _by_partner(counted.filter(provider_agency__country=country), "requesting_agency")
    return {
        "received": received,
        "given": given,
        "received_total": sum(r["n"] for r in received),
        "given_total": sum(r["n"] for r in given),
        "list_url": reverse("exchanges:public_list"),
    }


def country_headline(countries) -> dict[int, int]:
    """Exchanges given or received by each country (one query)."""
    rows = (
        ExchangeRequest.objects.filter(COUNTED)
        .values("requesting_agency__country_id", "provider_agency__country_id")
        .annotate(n=Count("pk"))
    )
    totals: dict[int, int] = defaultdict(int)
    for row in rows:
        totals[row["requesting_agency__country_id"]] += row["n"]
        if row["provider_agency__country_id"]:
            totals[row["provider_agency__country_id"]] += row["n"]
    return dict(totals)


# -- open data --------------------------------------------------------------------------------
def published_rows():
    yield from (
        ExchangeRequest.objects.published()
        .order_by("completed_at", "pk")
        .values_list(
            "pk", "title", "requesting_agency__country__code", "requesting_agency__name",
            "provider_agency__country__code", "provider_agency__name", "period_start",
            "period_end", "completed_at", "summary",
        )
        .iterator(chunk_size=2000)
    )


def flow_rows():
    yield from (
        ExchangeRequest.objects.filter(COUNTED, submitted_at__isnull=False)
        .annotate(year=ExtractYear("submitted_at"))
        .values_list("year", "requesting_agency__country__code", "provider_agency__country__code")
        .annotate(n=Count("pk"))
        .order_by("year", "requesting_agency__country__code", "provider_agency__country__code")
        .iterator(chunk_size=2000)
    )


def last_change():
    return ExchangeRequest.objects.aggregate(at=Max("updated_at"))["at"]


def register() -> None:
    activity.register(activity.Source(
        key="exchanges", label=_("Peer exchanges among members"), order=20,
        items=network_items, yearly=network_yearly,
    ))
    sections.register(sections.Section(
        key="exchanges", title=_("Peer exchanges"), order=30,
        template="exchanges/country_section.html", context=country_section,
        headline=country_headline, headline_label=_("Exchanges"),
        # Counts requests by state and agencies, which change only through save().
        version=EXCHANGES.current,
    ))
    datasets.register(datasets.Dataset(
        slug="exchanges",
        title=_("Completed peer exchanges"),
        description=_("Peer exchanges between national agencies that are finished and whose "
                      "requesting agency agreed to publish a summary."),
        columns=(
            datasets.Column("id", _("Identifier"), "integer"),
            datasets.Column("title", _("Title")),
            datasets.Column("requesting_country", _("Requesting country (ISO 3166-1 alpha-2)")),
            datasets.Column("requesting_agency", _("Requesting agency")),
            datasets.Column("provider_country", _("Providing country (ISO 3166-1 alpha-2)")),
            datasets.Column("provider_agency", _("Providing agency")),
            datasets.Column("period_start", _("Start"), "date"),
            datasets.Column("period_end", _("End"), "date"),
            datasets.Column("completed_at", _("Completed at"), "date"),
            datasets.Column("summary", _("Summary")),
        ),
        rows=published_rows, last_updated=last_change, keywords=("cooperation", "exchanges"),
    ))
    datasets.register(datasets.Dataset(
        slug="exchange-flows",
        title=_("Peer exchanges between countries by year"),
        description=_("How many approved exchanges each country asked of each other country, by "
                      "year of the request (withdrawn and rejected requests left out)."),
        columns=(
            datasets.Column("year", _("Year of the request"), "integer"),
            datasets.Column("requesting_country", _("Requesting country (ISO 3166-1 alpha-2)")),
            datasets.Column("provider_country", _("Providing country (ISO 3166-1 alpha-2)")),
            datasets.Column("exchanges", _("Exchanges"), "integer"),
        ),
        rows=flow_rows, last_updated=last_change, keywords=("cooperation", "exchanges"),
    ))
