"""What political dialogue gives the shared registries (called from ``ForumsConfig.ready``):
room parents, a country-profile section, open-data datasets and a network activity source."""

from __future__ import annotations

from django.db.models import Count, Max, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _


def register_all() -> None:
    from cms.navigation import register_header_link
    from cms.permissions import is_focal_point, is_secretariat
    from countries import sections
    from networks import activity
    from opendata import datasets
    from rooms import parents

    from .models import ForumPage, MeetingPage
    from .permissions import ForumRoomPolicy, MeetingRoomPolicy
    from .versions import FORUMS

    register_header_link(
        "forum_reports", _("Reports and delegations"), "forums:workspace",
        visible=lambda user: is_focal_point(user) or is_secretariat(user), order=40,
    )
    parents.register(ForumPage, ForumRoomPolicy())
    parents.register(MeetingPage, MeetingRoomPolicy())
    sections.register(sections.Section(
        key="forums", title=_("Commitments of the political forums"), order=40,
        template="forums/country_section.html", context=country_section,
        headline=country_headline, headline_label=_("Commitments achieved"),
        version=FORUMS.current,
    ))
    datasets.register(datasets.Dataset(
        slug="forum-commitments",
        title=_("Commitments of the political forums"),
        description=_("Every commitment adopted at a forum meeting: forum, meeting, number, "
                      "text, who is responsible and the deadline."),
        columns=(
            datasets.Column("id", _("Identifier"), "integer"),
            datasets.Column("forum", _("Forum")),
            datasets.Column("meeting", _("Meeting")),
            datasets.Column("number", _("Number")),
            datasets.Column("text", _("Text (English)")),
            datasets.Column("responsible", _("Responsible")),
            datasets.Column("deadline", _("Deadline"), "date"),
        ),
        rows=commitment_rows, last_updated=commitments_last_updated,
        keywords=("political dialogue", "commitments"),
    ))
    datasets.register(datasets.Dataset(
        slug="forum-commitment-statuses",
        title=_("Statuses of the forums' commitments by country"),
        description=_("Each country's status on each commitment in every accepted country "
                      "report (demo statuses are marked illustrative)."),
        columns=(
            datasets.Column("commitment_id", _("Commitment"), "integer"),
            datasets.Column("country", _("Country (ISO 3166)")),
            datasets.Column("cycle", _("Reporting cycle")),
            datasets.Column("status", _("Status")),
            datasets.Column("accepted_on", _("Accepted on"), "date"),
            datasets.Column("illustrative", _("Illustrative"), "boolean"),
        ),
        rows=status_rows, last_updated=statuses_last_updated,
        keywords=("political dialogue", "follow-up"),
    ))
    activity.register(activity.Source(
        key="forums", label=_("Forum meetings"), order=50,
        items=network_meetings, yearly=network_meetings_yearly,
    ))


# -- country profile --------------------------------------------------------------------------
def country_section(country, request) -> dict | None:
    """Counts by status from the country's latest accepted statuses (two queries)."""
    from . import selectors
    from .models import Commitment

    applicable = Commitment.objects.filter(selectors.applicable_filter(country.pk)).distinct()
    total = applicable.count()
    if not total:
        return None
    latest = selectors.latest_accepted(Q(report__country=country))
    counts: dict[str, int] = {}
    for row in latest.values():
        counts[row.status] = counts.get(row.status, 0) + 1
    from .models import Status

    return {
        "total": total,
        "counts": [(label, counts.get(value, 0)) for value, label in Status.choices],
        "country": country,
    }


def country_headline(countries) -> dict[int, int]:
    from .models import CommitmentStatus, CountryReport, Status

    rows = (
        CommitmentStatus.objects.filter(
            report__state=CountryReport.State.ACCEPTED, status=Status.ACHIEVED
        )
        .values("report__country_id")
        .annotate(n=Count("commitment_id", distinct=True))
    )
    return {r["report__country_id"]: r["n"] for r in rows}


# -- open data --------------------------------------------------------------------------------
def commitment_rows():
    from .models import Commitment

    yield from Commitment.objects.order_by("pk").values_list(
        "pk", "forum__title", "meeting__title", "number", "text_en", "responsible", "deadline"
    ).iterator()


def commitments_last_updated():
    from .models import Commitment

    return Commitment.objects.aggregate(last=Max("meeting__last_published_at"))["last"]


def status_rows():
    from .models import CommitmentStatus, CountryReport

    yield from CommitmentStatus.objects.filter(
        report__state=CountryReport.State.ACCEPTED
    ).order_by("report__cycle__opens_on", "commitment_id", "report__country__code").values_list(
        "commitment_id", "report__country__code", "report__cycle__title", "status",
        "report__accepted_at__date", "report__illustrative",
    ).iterator()


def statuses_last_updated():
    from .models import CountryReport

    return CountryReport.objects.filter(state=CountryReport.State.ACCEPTED).aggregate(
        last=Max("accepted_at")
    )["last"]


# -- network activity --------------------------------------------------------------------------
def _network_meetings(network, agency_ids):
    """Meetings of forums linked to the network, or whose member states include a country of
    one of the network's member agencies."""
    from cms.directory.models import Agency

    from .models import ForumPage, MeetingPage

    countries = Agency.objects.filter(pk__in=list(agency_ids)).values("country_id")
    forums = ForumPage.objects.live().filter(
        Q(network=network) | Q(member_countries__in=countries)
    ).values("path")
    paths = [f["path"] for f in forums.distinct()]
    if not paths:
        return MeetingPage.objects.none()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    from wagtail.models import Locale

    return MeetingPage.objects.live().public().filter(query, locale=Locale.get_active())


def network_meetings(network, agency_ids, limit) -> list[dict]:
    meetings = _network_meetings(network, agency_ids).order_by("-starts_at")[:limit]
    return [{"title": m.title, "url": m.get_url(), "date": m.starts_at.date()} for m in meetings]


def network_meetings_yearly(network, agency_ids):
    rows = (
        _network_meetings(network, agency_ids).annotate(year=ExtractYear("starts_at"))
        .values("year").annotate(n=Count("pk"))
    )
    return rows
