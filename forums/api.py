"""JSON endpoints of political dialogue (mounted at /api/forums/): public reads of forums,
meetings, documents, commitments and statuses by country; a country report's transitions for
its focal point and the secretariat. Same rules as the pages (``forums/permissions.py``)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.models import Locale

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from . import permissions, selectors
from .models import (
    Commitment,
    CountryReport,
    ForumDocument,
    ForumPage,
    MeetingPage,
    Status,
)
from .workflow import REPORTS

router = Router(tags=["forums"])
LIMIT = 500


class ForumOut(Schema):
    id: int
    title: str
    acronym: str
    kind: str
    url: str
    member_countries: list[str]


class MeetingOut(Schema):
    id: int
    forum_id: int
    title: str
    kind: str
    modality: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    place: str
    host_country: str | None
    url: str
    calendar: str


class DocumentOut(Schema):
    id: int
    forum_id: int
    meeting_id: int | None
    kind: str
    symbol: str
    date: datetime.date
    title: str
    access: str
    files: dict[str, str]


class CommitmentOut(Schema):
    id: int
    forum_id: int
    meeting_id: int
    number: str
    text: str
    responsible: str
    deadline: datetime.date | None
    themes: list[str]
    population_groups: list[str]


class StatusOut(Schema):
    commitment_id: int
    country: str
    status: str
    cycle: str
    accepted_at: datetime.datetime | None


class TransitionIn(Schema):
    action: str
    version: int
    comment: str = ""


class ReportOut(Schema):
    id: int
    cycle: str
    country: str
    state: str
    version: int


def _default_locale_pages(model):
    return model.objects.live().public().filter(locale=Locale.get_default())


@router.get("/", response=list[ForumOut], summary="Forums")
def forum_list(request):
    forums = _default_locale_pages(ForumPage).prefetch_related("member_countries")
    return [
        {"id": f.pk, "title": f.title, "acronym": f.acronym, "kind": f.kind,
         "url": f.get_url(request) or "",
         "member_countries": [c.code for c in f.member_countries.all()]}
        for f in forums.order_by("title")[:LIMIT]
    ]


@router.get("/meetings", response=list[MeetingOut], summary="Meetings")
def meeting_list(request, forum: int | None = None):
    meetings = _default_locale_pages(MeetingPage).select_related("host_country")
    if forum is not None:
        parent = get_object_or_404(_default_locale_pages(ForumPage), pk=forum)
        meetings = meetings.child_of(parent)
    forum_ids = dict(_default_locale_pages(ForumPage).values_list("path", "pk"))
    return [
        {"id": m.pk, "forum_id": forum_ids.get(m.path[: -MeetingPage.steplen], 0),
         "title": m.title, "kind": m.kind, "modality": m.modality,
         "starts_at": m.starts_at, "ends_at": m.ends_at, "time_zone": m.time_zone,
         "place": m.place, "host_country": m.host_country.code if m.host_country else None,
         "url": m.get_url(request) or "",
         "calendar": reverse("forums:meeting_ics", args=[m.pk])}
        for m in meetings.order_by("-starts_at")[:LIMIT]
    ]


@router.get("/documents", response=list[DocumentOut], summary="Public documents")
def document_list(request, forum: int | None = None, meeting: int | None = None,
                  kind: str | None = None):
    documents = ForumDocument.objects.filter(
        access=ForumDocument.Access.PUBLIC, forum__live=True
    ).prefetch_related("files")
    if kind is not None:
        if kind not in ForumDocument.Kind.values:
            raise HttpError(400, "Unknown kind.")
        documents = documents.filter(kind=kind)
    if forum is not None:
        documents = documents.filter(forum_id=forum)
    if meeting is not None:
        documents = documents.filter(meeting_id=meeting)
    return [
        {"id": d.pk, "forum_id": d.forum_id, "meeting_id": d.meeting_id, "kind": d.kind,
         "symbol": d.symbol, "date": d.date, "title": d.title, "access": d.access,
         "files": {f.language: reverse("forums:document", args=[d.pk, f.language])
                   for f in d.files.all()}}
        for d in documents[:LIMIT]
    ]


class CommitmentFilters(Schema):
    forum: int | None = None
    meeting: int | None = None
    theme: str | None = None
    population: str | None = None
    country: str | None = None


@router.get("/commitments", response=list[CommitmentOut], summary="Commitments")
def commitment_list(request, filters: Query[CommitmentFilters]):
    commitments = Commitment.objects.prefetch_related("themes", "population_groups")
    if filters.forum is not None:
        commitments = commitments.filter(forum_id=filters.forum)
    if filters.meeting is not None:
        commitments = commitments.filter(meeting_id=filters.meeting)
    if filters.theme:
        commitments = commitments.filter(themes__slug=filters.theme)
    if filters.population:
        commitments = commitments.filter(population_groups__slug=filters.population)
    if filters.country:
        from cms.directory.models import Country

        country = Country.objects.filter(code=filters.country.upper()).first()
        if country is None:
            raise HttpError(400, "Unknown country.")
        commitments = commitments.filter(selectors.applicable_filter(country.pk))
    return [
        {"id": c.pk, "forum_id": c.forum_id, "meeting_id": c.meeting_id, "number": c.number,
         "text": c.text, "responsible": c.responsible, "deadline": c.deadline,
         "themes": [t.slug for t in c.themes.all()],
         "population_groups": [g.slug for g in c.population_groups.all()]}
        for c in commitments.distinct().order_by("forum_id", "sort_key", "pk")[:LIMIT]
    ]


@router.get("/statuses", response=list[StatusOut], summary="Statuses by country")
def status_list(request, country: str | None = None, forum: int | None = None,
                status: str | None = None):
    """The latest accepted status of each commitment for each country."""
    rows = Q()
    if country:
        rows &= Q(report__country__code=country.upper())
    if forum is not None:
        rows &= Q(commitment__forum_id=forum)
    if status is not None:
        if status not in Status.values:
            raise HttpError(400, "Unknown status.")
        rows &= Q(status=status)
    latest = selectors.latest_accepted(rows)
    codes = dict(
        CountryReport.objects.filter(pk__in={r.report_id for r in latest.values()})
        .values_list("pk", "country__code")
    )
    return [
        {"commitment_id": row.commitment_id, "country": codes[row.report_id],
         "status": row.status, "cycle": row.report.cycle.title,
         "accepted_at": row.report.accepted_at}
        for row in list(latest.values())[:5000]
    ]


@router.post("/reports/{pk}/transitions", response=ReportOut, auth=django_auth,
             summary="Submit, accept or return a country report")
def report_transition(request, pk: int, payload: TransitionIn):
    report = get_object_or_404(CountryReport.objects.select_related("cycle", "country"), pk=pk)
    if not permissions.may_read_report(request.user, report):
        raise HttpError(404, "Not found")
    if REPORTS.button_action(payload.action) is None:
        raise HttpError(400, "Unknown action.")
    report = REPORTS.transition(report, payload.action, by=request.user,
                                comment=payload.comment, expected_version=payload.version)
    return {"id": report.pk, "cycle": report.cycle.title, "country": report.country.code,
            "state": report.state, "version": report.version}
