"""The public commitments tracker: its filters, the country × commitment matrix, the counts
and the "population groups no commitment addresses" lens. Public data only: statuses from
accepted reports."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import django_filters

from cms.directory.models import Country, PopulationGroup, Theme
from cms.directory.versions import DIRECTORY
from cms.widgets import FastSelect

from . import selectors
from .models import Commitment, ForumPage, MeetingPage, Status
from .versions import FORUMS

MAX_COMMITMENTS = 300


def forum_and_meeting_choices(request) -> tuple[list, list, dict]:
    """(forums, meetings, labels): the choices as (canonical id, title in the reader's
    language), and ``labels`` {canonical id: (title, acronym)} of both, in the reader's
    language — cached under the page tree version."""
    from wagtail.models import Locale

    from cms.pages.shell import cached

    def compute():
        default = Locale.get_default()
        language = get_language() or "en"
        locale = Locale.objects.filter(language_code=language).first() or default
        pages = list(
            MeetingPage.objects.live().filter(locale__in=[default, locale]).values(
                "pk", "title", "translation_key", "locale_id", "starts_at"
            )
        )
        forum_pages = list(
            ForumPage.objects.live().filter(locale__in=[default, locale]).values(
                "pk", "title", "translation_key", "locale_id", "acronym"
            )
        )

        def pick(rows):
            canon = {r["translation_key"]: r for r in rows if r["locale_id"] == default.pk}
            local = {r["translation_key"]: r for r in rows if r["locale_id"] == locale.pk}
            return [(row["pk"], local.get(key, row), row) for key, row in canon.items()]

        forums = sorted(pick(forum_pages), key=lambda x: x[1]["title"])
        meetings = sorted(pick(pages), key=lambda x: x[2]["starts_at"], reverse=True)
        labels = {pk: (shown["title"], shown.get("acronym") or row.get("acronym") or "")
                  for pk, shown, row in forums + meetings}
        return (
            [(str(pk), shown["title"]) for pk, shown, _row in forums],
            [(str(pk), shown["title"]) for pk, shown, _row in meetings],
            labels,
        )

    return cached(request, "forums-choices", get_language(), compute=compute)


class TrackerFilter(django_filters.FilterSet):
    forum = django_filters.ChoiceFilter(label=_("Forum"), empty_label=_("All forums"),
                                        field_name="forum_id", widget=FastSelect)
    meeting = django_filters.ChoiceFilter(label=_("Meeting"), empty_label=_("All meetings"),
                                          field_name="meeting_id", widget=FastSelect)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", to_field_name="slug", queryset=Theme.objects.all(),
        empty_label=_("All themes"), widget=FastSelect(directory_options="forums-theme"),
    )
    population = django_filters.ModelChoiceFilter(
        label=_("Population group"), field_name="population_groups", to_field_name="slug",
        queryset=PopulationGroup.objects.all(), empty_label=_("All population groups"),
        widget=FastSelect(directory_options="forums-population"),
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), to_field_name="code", method="filter_country",
        queryset=Country.objects.all(), empty_label=_("All countries"),
        widget=FastSelect(directory_options="forums-country"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any status"),
        method="filter_nothing", widget=FastSelect,
    )

    class Meta:
        model = Commitment
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        forums, meetings, _labels = forum_and_meeting_choices(request)
        self.filters["forum"].extra["choices"] = forums
        self.filters["meeting"].extra["choices"] = meetings

    def filter_country(self, queryset, name, value):
        return queryset.filter(selectors.applicable_filter(value.pk)).distinct()

    def filter_nothing(self, queryset, name, value):
        # The status narrows the matrix's cells and rows, not the commitments (see build()).
        return queryset


def cache_key(request, params) -> str:
    """What the tracker for ``params`` (a valid filter) depends on: the forums, directory and
    page tree versions (commitments, reports, countries, forum and meeting titles), the
    language and the filter."""
    from cms.pages.shell import tree_version

    query = "&".join(f"{name}={value}" for name, values in sorted(params.lists())
                     for value in values)
    return ":".join([
        "puente:forums:tracker", FORUMS.current(), DIRECTORY.current(), tree_version(request),
        get_language() or "en", hashlib.sha256(query.encode()).hexdigest(),
    ])


@dataclass
class Tracker:
    commitments: list
    countries: list
    matrix: list  # [(country, [cell or None for each commitment])]
    counts: list  # [(status label, count)]
    by_country: list  # [(country, Counter)]
    table: list  # [(country, [count of each status, in Status order])]
    uncovered_groups: list | None
    rows: list = field(default_factory=list)  # flat: (commitment, country, status row)


def label(commitments, request) -> None:
    """Give each commitment ``forum_label`` (acronym or title) and ``meeting_title`` in the
    reader's language (no query: the labels are cached)."""
    labels = forum_and_meeting_choices(request)[2]
    for c in commitments:
        title, acronym = labels.get(c.forum_id, (c.forum.title, c.forum.acronym))
        c.forum_label = acronym or title
        c.meeting_title = labels.get(c.meeting_id, (c.meeting.title, ""))[0]


def build(tracker_filter: TrackerFilter) -> Tracker:
    """The tracker for a valid filter: a fixed number of queries whatever the volume."""
    data = getattr(tracker_filter.form, "cleaned_data", None) or {}
    commitments = list(
        tracker_filter.qs.select_related("forum", "meeting")
        .prefetch_related("themes", "population_groups")
        .order_by("forum_id", "meeting__starts_at", "sort_key", "pk")[:MAX_COMMITMENTS]
    )
    label(commitments, tracker_filter.request)
    ids = [c.pk for c in commitments]
    country = data.get("country")
    status = data.get("status") or ""
    row_filter = Q(commitment_id__in=ids)
    if country:
        row_filter &= Q(report__country=country)
    latest = selectors.latest_accepted(row_filter)
    if status:
        latest = {key: row for key, row in latest.items() if row.status == status}
    country_ids = sorted({key[0] for key in latest})
    countries = list(Country.objects.filter(pk__in=country_ids)) if country_ids else []
    matrix, by_country, rows, counts = [], [], [], Counter()
    for c in countries:
        cells = [latest.get((c.pk, commitment.pk)) for commitment in commitments]
        tally = Counter(cell.status for cell in cells if cell)
        counts.update(tally)
        matrix.append((c, cells))
        by_country.append((c, tally))
        rows += [(commitment, c, cell) for commitment, cell in zip(commitments, cells, strict=True)
                 if cell]
    uncovered = None
    if data.get("forum"):
        covered = {g.pk for commitment in commitments for g in commitment.population_groups.all()}
        uncovered = [g for g in PopulationGroup.objects.all() if g.pk not in covered]
    return Tracker(
        commitments=commitments,
        countries=countries,
        matrix=matrix,
        counts=[(label, counts.get(value, 0)) for value, label in Status.choices],
        by_country=by_country,
        table=[(c, [tally.get(v, 0) for v in Status.values]) for c, tally in by_country],
        uncovered_groups=uncovered,
        rows=rows,
    )


def country_matrix(country: Country, request) -> list[tuple]:
    """Every commitment that applies to ``country``, with its latest accepted status and what
    serves it: [(commitment, status row or None, helpers)]."""
    commitments = list(
        Commitment.objects.filter(selectors.applicable_filter(country.pk)).distinct()
        .select_related("forum", "meeting").order_by("forum_id", "meeting_id", "sort_key", "pk")[
            :MAX_COMMITMENTS
        ]
    )
    label(commitments, request)
    ids = [c.pk for c in commitments]
    latest = selectors.latest_accepted(Q(commitment_id__in=ids, report__country=country))
    helpers = selectors.helpers_for(ids)
    return [(c, latest.get((country.pk, c.pk)), helpers.get(c.pk, [])) for c in commitments]

