"""Reads of the networks domain: the list, one network with its members and history, its
focal points, its activity from the registry (``networks/activity.py``) and its yearly summary."""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from django.conf import settings
from django.core.cache import cache
from django.db.models import CharField, Count, Value
from django.http import Http404

from cms.accounts import roles
from cms.accounts.models import AgencyClaim
from cms.directory.models import Network, current_language
from cms.directory.versions import DIRECTORY

from . import activity
from .models import Membership, MembershipState

ACTIVITY_ITEMS = 5


def networks_list() -> list[Network]:
    """Every network with its governance and counts of member agencies and countries."""
    return list(
        Network.objects.select_related("profile")
        .annotate(
            member_count=Count("members", distinct=True),
            country_count=Count("members__country", distinct=True),
        )
        .order_by("name_en")
    )


def network_by_slug(slug: str) -> Network:
    network = (
        Network.objects.select_related("profile", "profile__chair__country")
        .filter(slug=slug)
        .first()
    )
    if network is None:
        raise Http404("No such network")
    return network


def memberships(network: Network) -> list[Membership]:
    """Every membership of the network, current and past, by country then agency (one query).
    Also tells ``network`` its current member ids, so permission checks need no query."""
    rows = list(
        Membership.objects.filter(network=network)
        .select_related("agency__country")
        .order_by("agency__country__name_en", "agency__name", "-requested_at")
    )
    network.__dict__["_member_ids"] = {
        m.agency_id for m in rows if m.state == MembershipState.MEMBER
    }
    return rows


def members_by_country(rows: list[Membership]) -> list[tuple]:
    """[(country, [membership, …]), …] of the current members, countries in the reader's
    language order."""
    current = [m for m in rows if m.state == MembershipState.MEMBER]
    current.sort(key=lambda m: (m.agency.country.name, m.agency.name))
    return [
        (country, list(group))
        for country, group in groupby(current, key=lambda m: m.agency.country)
    ]


def history(rows: list[Membership]) -> list[Membership]:
    """Memberships that ended (left), newest first."""
    past = [m for m in rows if m.state == MembershipState.LEFT]
    past.sort(key=lambda m: (m.left_on, m.pk), reverse=True)
    return past


def focal_points(agency_ids) -> dict[int, list]:
    """{agency_id: [people who agreed to be named]} for the agencies (one query). People who did
    not agree are never loaded: their agency stands for them."""
    claims = (
        AgencyClaim.objects.filter(
            agency_id__in=list(agency_ids),
            status=AgencyClaim.Status.APPROVED,
            user__is_active=True,
            user__groups__name=roles.FOCAL_POINT,
            user__network_contact_consent__show_name=True,
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    named: dict[int, list] = defaultdict(list)
    for claim in claims:
        named[claim.agency_id].append(claim.user)
    return named


def activity_summary(network: Network, agency_ids) -> dict:
    """The network's recent items per registered source and its yearly counts by kind.

    Kept in the shared cache for ``NETWORKS_ACTIVITY_SECONDS`` (and renewed when the directory
    changes, e.g. a new member): each source costs two queries, which a page cannot repeat for
    every reader while staying within its budget."""
    ids = sorted(agency_ids)
    key = f"puente:networks:activity:{DIRECTORY.current()}:{network.pk}:{current_language()}"
    summary = cache.get(key)
    if summary is None:
        summary = _activity(network, ids)
        cache.set(key, summary, getattr(settings, "NETWORKS_ACTIVITY_SECONDS", 300))
    return summary


def _yearly(network: Network, agency_ids: list[int]) -> dict[int, dict[str, int]]:
    """Every source's counts by year. Sources that answer with a rows query (``year``, ``n``)
    are read together in one UNION query, so the summary costs one query whatever the number
    of sources; a source that answers with a dict is taken as it is."""
    by_year: dict[int, dict[str, int]] = defaultdict(dict)
    parts = []
    for source in activity.registered():
        answer = source.yearly(network, agency_ids)
        if isinstance(answer, dict):
            for year, count in answer.items():
                if year:
                    by_year[int(year)][source.key] = int(count)
        else:
            parts.append(
                answer.order_by().annotate(source=Value(source.key, output_field=CharField()))
                .values_list("source", "year", "n")
            )
    if parts:
        for key, year, count in parts[0].union(*parts[1:], all=True):
            if year:
                by_year[int(year)][key] = int(count)
    return by_year


def _activity(network: Network, agency_ids: list[int]) -> dict:
    sources = []
    for source in activity.registered():
        items = list(source.items(network, agency_ids, ACTIVITY_ITEMS))
        sources.append({"key": source.key, "label": str(source.label), "items": items})
    by_year = _yearly(network, agency_ids)
    years = sorted(by_year)
    series = [(s["key"], s["label"]) for s in sources]
    rows = [
        {
            "year": year,
            "counts": [by_year[year].get(key, 0) for key, _label in series],
            "total": sum(by_year[year].values()),
        }
        for year in years
    ]
    return {"sources": sources, "series": series, "rows": rows}


def pending_requests(rows: list[Membership]) -> list[Membership]:
    return [m for m in rows if m.state == MembershipState.REQUESTED]

