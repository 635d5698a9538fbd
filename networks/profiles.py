"""What the networks domain gives the rest of Puente: a section of each country profile (the
networks its agencies belong to) and two open-data datasets (networks, their memberships)."""

from __future__ import annotations

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Network
from countries import sections
from opendata import datasets

from .models import Membership, MembershipState, MembershipTransition
from .versions import NETWORKS


def country_section(country, request) -> dict:
    """The networks the country's agencies belong to, and which agencies (one query)."""
    rows = (
        Membership.objects.filter(agency__country=country, state=MembershipState.MEMBER)
        .select_related("network", "agency")
        .order_by("network__name_en", "agency__name")
    )
    networks: dict[int, dict] = {}
    for m in rows:
        entry = networks.setdefault(
            m.network_id,
            {"network": m.network, "url": reverse("networks:detail", args=[m.network.slug]),
             "agencies": []},
        )
        entry["agencies"].append(m.agency)
    return {"networks": list(networks.values())}


def country_headline(countries) -> dict[int, int]:
    """{country id: networks its agencies belong to} for all countries (one query)."""
    rows = (
        Membership.objects.filter(state=MembershipState.MEMBER)
        .values("agency__country_id")
        .annotate(n=Count("network", distinct=True))
    )
    return {row["agency__country_id"]: row["n"] for row in rows}


def network_rows():
    current = Count("memberships", filter=Q(memberships__state=MembershipState.MEMBER))
    queryset = (
        Network.objects.annotate(n=current)
        .values_list(
            "slug", "acronym", "name_en", "name_es", "name_fr", "name_pt", "n",
            "profile__chair__name", "profile__chair__country__code",
            "profile__technical_secretariat_en", "profile__founded",
        )
        .order_by("slug")
    )
    yield from queryset.iterator(chunk_size=500)


def membership_rows():
    queryset = (
        Membership.objects.filter(state__in=[MembershipState.MEMBER, MembershipState.LEFT])
        .order_by("network__slug", "agency__country__code", "agency__name", "pk")
        .values_list(
            "network__slug", "agency__name", "agency__acronym", "agency__country__code",
            "state", "joined_on", "left_on",
        )
    )
    yield from queryset.iterator(chunk_size=2000)


def last_change():
    return MembershipTransition.objects.aggregate(at=Max("at"))["at"]


def register() -> None:
    sections.register(sections.Section(
        key="networks", title=_("Cooperation networks"), order=20,
        template="networks/country_section.html", context=country_section,
        headline=country_headline, headline_label=_("Networks"),
        version=NETWORKS.current,
    ))
    datasets.register(datasets.Dataset(
        slug="networks",
        title=_("Cooperation networks"),
        description=_("The cooperation networks the department runs: names in four languages, "
                      "number of member agencies, chair and technical secretariat."),
        columns=(
            datasets.Column("slug", _("Identifier")),
            datasets.Column("acronym", _("Acronym")),
            datasets.Column("name_en", _("Name (English)")),
            datasets.Column("name_es", _("Name (Spanish)")),
            datasets.Column("name_fr", _("Name (French)")),
            datasets.Column("name_pt", _("Name (Portuguese)")),
            datasets.Column("member_agencies", _("Current member agencies"), "integer"),
            datasets.Column("chair_agency", _("Chair (agency)")),
            datasets.Column("chair_country", _("Chair's country (ISO 3166-1 alpha-2)")),
            datasets.Column("technical_secretariat", _("Technical secretariat")),
            datasets.Column("founded", _("Year founded"), "integer"),
        ),
        rows=network_rows,
        last_updated=last_change,
        keywords=("networks", "cooperation"),
    ))
    datasets.register(datasets.Dataset(
        slug="network-members",
        title=_("Network members and their history"),
        description=_("Every agency that is or was a member of a network, with the dates it "
                      "joined and left."),
        columns=(
            datasets.Column("network", _("Network identifier")),
            datasets.Column("agency", _("Agency")),
            datasets.Column("agency_acronym", _("Agency acronym")),
            datasets.Column("country", _("Country (ISO 3166-1 alpha-2)")),
            datasets.Column("state", _("State (member or left)")),
            datasets.Column("joined_on", _("Joined on"), "date"),
            datasets.Column("left_on", _("Left on"), "date"),
        ),
        rows=membership_rows,
        last_updated=last_change,
        keywords=("networks", "agencies", "membership"),
    ))
