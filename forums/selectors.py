"""Reads of political dialogue for pages, the API and exports: each a fixed number of queries,
whatever the volume."""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from cms.pages.shell import tree_version
from cms.versions import kept

from . import permissions
from .models import (
    AgendaItem,
    Commitment,
    CommitmentStatus,
    CommitmentTag,
    CountryReport,
    Delegation,
    ForumDocument,
    ForumPage,
    MeetingPage,
)
from .models.pages import canonical_pk
from .versions import FORUMS

#: Kinds of content that may serve a commitment, by model name (their apps import nothing).
TAGGABLE_MODELS = ("experiencepage", "coursepage", "webinarpage", "exchangerequest")
FINISHED_EXCHANGE_STATES = ("completed", "reports_submitted", "closed")


# -- commitments that apply to a country ------------------------------------------------------
def applicable_filter(country_id: int) -> Q:
    """Commitments a country reports on: all members' (if it is a member of the forum), or
    those naming it."""
    return Q(
        responsible=Commitment.Responsible.ALL_MEMBERS, forum__member_countries__pk=country_id
    ) | Q(responsible=Commitment.Responsible.NAMED_COUNTRIES, responsible_countries__pk=country_id)


def applicable_commitment_ids(forum_id: int, country_id: int) -> list[int]:
    return list(
        Commitment.objects.filter(forum_id=forum_id).filter(applicable_filter(country_id))
        .distinct().values_list("pk", flat=True)
    )


def latest_accepted(rows_filter: Q | None = None) -> dict[tuple[int, int], CommitmentStatus]:
    """{(country_id, commitment_id): the status of the latest accepted report}, one query."""
    rows = (
        CommitmentStatus.objects.filter(report__state=CountryReport.State.ACCEPTED)
        .filter(rows_filter or Q())
        .select_related("report__cycle")
        .order_by("report__cycle__opens_on", "report__accepted_at")
    )
    latest = {}
    for row in rows:
        latest[(row.report.country_id, row.commitment_id)] = row
    return latest


def public_history(commitment: Commitment) -> dict[int, list[CommitmentStatus]]:
    """{country_id: [its status in each accepted report, oldest first]}, one query."""
    history: dict[int, list] = {}
    for row in (
        commitment.statuses.filter(report__state=CountryReport.State.ACCEPTED)
        .select_related("report__cycle", "report__country", "agency")
        .order_by("report__cycle__opens_on")
    ):
        history.setdefault(row.report.country_id, []).append(row)
    return history


# -- pages --------------------------------------------------------------------------------------
def _delegate_meeting_ids(user) -> set[int]:
    if not permissions.is_active_user(user):
        return set()
    return set(permissions.confirmed_delegations(user).values_list("meeting_id", flat=True))


def readable_document_ids(user, documents) -> set[int]:
    """Which of ``documents`` (already loaded) ``user`` may download: at most one query."""
    if permissions.is_editor(user) or permissions.is_secretariat(user):
        return {d.pk for d in documents}
    private = [d for d in documents if d.access != ForumDocument.Access.PUBLIC]
    allowed = {d.pk for d in documents if d.access == ForumDocument.Access.PUBLIC}
    if private and permissions.is_active_user(user):
        meetings = _delegate_meeting_ids(user)
        countries = permissions.focal_country_ids(user)
        member_of: dict[int, bool] = {}  # forum id → is one of the user's countries a member
        for d in private:
            if d.meeting_id:
                if d.meeting_id in meetings:
                    allowed.add(d.pk)
                continue
            if d.forum_id not in member_of:
                member_of[d.forum_id] = bool(countries) and d.forum.member_countries.filter(
                    pk__in=countries
                ).exists()
            if member_of[d.forum_id]:
                allowed.add(d.pk)
    return allowed


def documents_for(request, **owner):
    """The documents of ``owner`` (``forum_id=`` or ``meeting_id=``) with their files, filtered
    by ``?kind=``, each marked readable or not, and ``documents_key``: what their table's
    rendering depends on (the list is kept under the forums and tree versions; who may read
    what is decided on each request and is part of the key)."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in ForumDocument.Kind.values else ""
    key = ("puente:forums:documents", FORUMS.current(), tree_version(request),
           *(f"{name}={value}" for name, value in sorted(owner.items())), kind)

    def compute():
        queryset = ForumDocument.objects.filter(**owner)
        if kind:
            queryset = queryset.filter(kind=kind)
        return list(queryset.select_related("forum", "meeting").prefetch_related("files")[:200])

    documents = kept(key, compute)
    allowed = readable_document_ids(request.user, documents)
    for document in documents:
        document.readable = document.pk in allowed
    readable = hashlib.sha256(",".join(map(str, sorted(allowed))).encode()).hexdigest()
    return documents, kind, ":".join(map(str, (*key, readable)))


def forum_context(page: ForumPage, request) -> dict:
    forum = canonical_pk(page)
    documents, kind, documents_key = documents_for(request, forum_id=forum)
    def meetings():  # read only when its kept fragment is not (a page change is a new tree)
        return list(
            MeetingPage.objects.live().public().child_of(page).select_related("host_country")
            .order_by("-starts_at")
        )

    return {
        "officers": page.officers.select_related("country").order_by(
            "-period_end", "sort_order"
        ),
        "members": page.member_countries.all(),
        "meetings": meetings,
        "meetings_key": ":".join(map(str, (
            FORUMS.current(), tree_version(request), request.get_host(),
            timezone.get_current_timezone_name(), page.pk,
        ))),
        "documents": documents,
        "documents_key": documents_key,
        "document_kinds": ForumDocument.Kind.choices,
        "selected_kind": kind,
        "canonical_pk": forum,
        "commitment_count": Commitment.objects.filter(forum_id=forum).count(),
        "room": room_of(page, forum, request.user, permissions.ForumRoomPolicy()),
    }


def meeting_context(page: MeetingPage, request) -> dict:
    meeting = canonical_pk(page)
    user = request.user
    documents, kind, documents_key = documents_for(request, meeting_id=meeting)
    readable = {d.pk for d in documents if d.readable}
    agenda = list(
        AgendaItem.objects.filter(meeting=page)
        .prefetch_related(Prefetch("documents", queryset=ForumDocument.objects.all()))
        .order_by("sort_order")
    )
    for item in agenda:
        item.linked = [d for d in item.documents.all() if d.access == "public" or d.pk in readable]
    countries = permissions.focal_country_ids(user)
    delegations = []
    if countries:
        delegations = list(
            Delegation.objects.filter(meeting_id=meeting, country_id__in=countries)
            .select_related("country")
        )
    return {
        "canonical_pk": meeting,
        "agenda": agenda,
        "documents": documents,
        "documents_key": documents_key,
        "document_kinds": ForumDocument.Kind.choices,
        "selected_kind": kind,
        "commitments": list(
            Commitment.objects.filter(meeting_id=meeting).order_by("sort_key", "pk")[:200]
        ),
        "registration_open": page.registration_is_open(),
        "my_delegations": delegations,
        "my_countries": permissions.focal_countries(user),
        "may_register": bool(countries) and page.registration_is_open(),
        "may_list_participants": permissions.may_list_participants(user),
        "now": timezone.now(),
        "room": room_of(page, meeting, user, permissions.MeetingRoomPolicy()),
    }


def room_of(page: Page, parent_pk: int, user, policy) -> object | None:
    """The room of a forum or meeting when ``user`` may read it: the room of this translation
    if it has one, else that of the default-language page (``parent_pk``)."""
    from rooms.models import Room

    if not permissions.is_active_user(user):
        return None
    rooms = {
        room.object_id: room
        for room in Room.objects.filter(
            content_type=ContentType.objects.get_for_model(type(page)),
            object_id__in={page.pk, parent_pk},
        )
    }
    room = rooms.get(page.pk) or rooms.get(parent_pk)
    if room is None or not policy.may_read(user, page):
        return None
    return room


# -- help to fulfil -----------------------------------------------------------------------------
def is_taggable(obj) -> bool:
    if obj is None or type(obj)._meta.model_name not in TAGGABLE_MODELS:
        return False
    if isinstance(obj, Page):
        return True
    return getattr(obj, "state", None) in FINISHED_EXCHANGE_STATES


def helpers_for(commitment_ids, *, public_only: bool = True) -> dict[int, list[dict]]:
    """{commitment_id: [{"kind", "title", "url"}]}: what serves each commitment. One query for
    the tags, then one per kind of content."""
    tags = list(
        CommitmentTag.objects.filter(commitment_id__in=commitment_ids).select_related(
            "content_type"
        )
    )
    by_type: dict[ContentType, set[int]] = {}
    for tag in tags:
        by_type.setdefault(tag.content_type, set()).add(tag.object_id)
    found: dict[tuple[int, int], dict] = {}
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            objects = model.objects.live().public().filter(pk__in=ids)
        else:
            objects = model._default_manager.filter(pk__in=ids, state__in=FINISHED_EXCHANGE_STATES)
            if public_only and hasattr(model, "publish_summary"):
                objects = objects.filter(publish_summary=True)
        for obj in objects:
            if isinstance(obj, Page):
                url = obj.get_url()
            elif hasattr(model, "publish_summary"):
                url = reverse("exchanges:public_list")
            else:
                url = obj.get_absolute_url()
            found[(content_type.pk, obj.pk)] = {
                "kind": str(model._meta.verbose_name),
                "title": str(obj.title),
                "url": url,
            }
    helpers: dict[int, list[dict]] = {}
    for tag in tags:
        item = found.get((tag.content_type_id, tag.object_id))
        if item:
            helpers.setdefault(tag.commitment_id, []).append(item)
    return helpers


def suggestions_for(commitment: Commitment, *, limit: int = 5) -> list:
    """Experiences the site search engine finds like this commitment, not yet tagged."""
    from experiences.selectors import similar_experiences

    tagged = set(
        CommitmentTag.objects.filter(commitment=commitment).values_list("object_id", flat=True)
    )
    try:
        matches = similar_experiences(
            commitment.text_en,
            theme_slugs=[t.slug for t in commitment.themes.all()],
            population_slugs=[p.slug for p in commitment.population_groups.all()],
            limit=limit + len(tagged),
        )
    except Exception:  # noqa: BLE001 - an engine that is down leaves suggestions out, no error
        return []
    return [m for m in matches if m.page_id not in tagged][:limit]
