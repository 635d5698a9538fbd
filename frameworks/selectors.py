"""Reads for pages, downloads and the API: each costs a fixed number of queries, whatever the
number of status rows, articles or tags."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone, translation

from wagtail.models import Locale, Page, PageViewRestriction

from cms.directory.models import Country
from cms.directory.versions import DIRECTORY
from cms.pages.shell import tree_version
from cms.versions import kept

from . import charts
from .models import (
    Article,
    ArticleTag,
    CountryStatus,
    Framework,
    FrameworkPage,
    NationalReport,
    Standing,
    translated,
)
from .versions import FRAMEWORKS

SORTS = ("country", "signature", "consent", "deposit", "in_force", "standing")
STANDING_ORDER = {Standing.PARTY: 0, Standing.PENDING_DEPOSIT: 1, Standing.SIGNATORY: 2,
                  Standing.NONE: 3}


def countries() -> list[Country]:
    """The member states in the reader's language order, kept under the directory version."""
    language = translation.get_language() or "en"
    key = f"frameworks:countries:{DIRECTORY.current()}"
    rows = cache.get(key)
    if rows is None:
        rows = list(Country.objects.all())
        cache.set(key, rows, 60 * 60)
    return sorted(rows, key=lambda c: (getattr(c, f"name_{language[:2]}", "") or c.name_en))


def country_by_code(code: str) -> Country | None:
    code = (code or "").upper()
    return next((c for c in countries() if c.code == code), None)


@dataclass
class StatusRow:
    """One line of a status table: a member state and its row (None: no action recorded)."""

    country: Country
    status: CountryStatus | None
    entry_into_force: datetime.date | None = None

    @property
    def standing(self) -> str:
        return self.status.standing if self.status else Standing.NONE

    @property
    def standing_label(self) -> str:
        return str(Standing(self.standing).label)

    def value(self, name: str):
        s = self.status
        return {
            "signature": s and s.signature_date,
            "consent": s and s.consent_date,
            "deposit": s and s.deposit_date,
            "in_force": self.entry_into_force,
        }.get(name)


@dataclass
class StatusTable:
    framework: Framework
    rows: list[StatusRow]
    general_entry_into_force: datetime.date | None
    counts: dict = field(default_factory=dict)


def status_table(framework: Framework, statuses=None) -> StatusTable:
    """Every member state with its row for ``framework`` (two queries, one cached)."""
    if statuses is None:
        statuses = list(CountryStatus.objects.filter(framework=framework))
    by_country = {s.country_id: s for s in statuses}
    deposits = sorted(s.deposit_date for s in statuses if s.deposit_date)
    general = framework.general_entry_into_force(deposits)
    rows = []
    for country in countries():
        status = by_country.get(country.pk)
        in_force = None
        if status is not None and status.standing == Standing.PARTY:
            in_force = status.entry_into_force_date or framework.entry_into_force_for(
                status.deposit_date, general
            )
        rows.append(StatusRow(country, status, in_force))
    counts = {
        "signatories": sum(1 for s in statuses if s.signed),
        "parties": sum(1 for s in statuses if s.standing == Standing.PARTY),
        "pending": sum(1 for s in statuses if s.standing == Standing.PENDING_DEPOSIT),
    }
    return StatusTable(framework, rows, general, counts)


def filter_and_sort(table: StatusTable, standing: str, sort: str, descending: bool):
    rows = table.rows
    if standing in Standing.values:
        rows = [r for r in rows if r.standing == standing]
    if sort == "standing":
        key = lambda r: (STANDING_ORDER[r.standing], r.country.name)  # noqa: E731
    elif sort in SORTS and sort != "country":
        # Rows without the date always last, whichever the direction.
        dated = [r for r in rows if r.value(sort)]
        undated = [r for r in rows if not r.value(sort)]
        dated.sort(key=lambda r: r.value(sort), reverse=descending)
        return dated + undated
    else:
        return list(reversed(rows)) if descending else rows
    return sorted(rows, key=key, reverse=descending)


def ratifications_over_time(table: StatusTable) -> list[tuple[int, int, int]]:
    """(year, deposits that year, States Parties at the end of the year), first deposit on."""
    years = defaultdict(int)
    for row in table.rows:
        if row.status and row.status.deposit_date:
            years[row.status.deposit_date.year] += 1
    if not years:
        return []
    total, points = 0, []
    for year in range(min(years), timezone.localdate().year + 1):
        total += years.get(year, 0)
        points.append((year, years.get(year, 0), total))
    return points


def _locale_codes() -> dict[int, str]:
    key = "frameworks:locales"
    codes = cache.get(key)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(key, codes, 60 * 60)
    return codes


@dataclass
class Served:
    """A piece of content tagged with an article, as a reader sees it."""

    title: str
    url: str
    kind: str
    language: str
    country_id: int | None


def served_by_article(tags: list[ArticleTag], request) -> dict[int, list[Served]]:
    """{article id: [Served]} for ``tags``: live, unrestricted pages only (one query per kind
    of page tagged, plus one for view restrictions)."""
    by_type = defaultdict(list)
    for tag in tags:
        by_type[tag.content_type_id].append(tag)
    objects = {}
    restricted_paths = None
    locales = _locale_codes()
    for type_id, type_tags in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or not issubclass(model, Page):
            continue  # only public pages are listed; other kinds are shown in the admin
        if restricted_paths is None:
            restricted_paths = list(
                PageViewRestriction.objects.values_list("page__path", flat=True)
            )
        pages = model.objects.live().filter(pk__in=[t.object_id for t in type_tags])
        for page in pages:
            if any(page.path.startswith(p) for p in restricted_paths):
                continue
            objects[(type_id, page.pk)] = Served(
                title=page.title, url=page.get_url(request) or "",
                kind=str(model._meta.verbose_name), language=locales.get(page.locale_id, "en"),
                country_id=None,
            )
    result = defaultdict(list)
    for tag in tags:
        served = objects.get((tag.content_type_id, tag.object_id))
        if served is not None:
            result[tag.article_id].append(
                Served(served.title, served.url, served.kind, served.language, tag.country_id)
            )
    return result


def articles_with_served(framework: Framework, request) -> list[dict]:
    articles = list(Article.objects.filter(framework=framework))
    tags = list(ArticleTag.objects.filter(article__framework=framework))
    served = served_by_article(tags, request)
    rows = []
    for article in articles:
        heading, heading_lang = translated(article, "heading")
        text, text_lang = translated(article, "text")
        rows.append({
            "article": article, "heading": heading, "heading_lang": heading_lang,
            "text": text, "text_lang": text_lang, "served": served.get(article.pk, []),
        })
    return rows


def framework_page_context(page: FrameworkPage, request) -> dict:
    """The page's articles and, for a binding instrument, its status table, chart and cycles.

    Both are kept in the shared cache (and rendered once: ``fragment_key`` names the template
    fragments) under the frameworks, directory and page tree versions, the language and host,
    and the table's filter and sort, which take a bounded set of values.
    """
    framework = page.framework
    key = ("puente:frameworks:page", FRAMEWORKS.current(), DIRECTORY.current(),
           tree_version(request), translation.get_language() or "en", request.get_host(),
           page.pk)
    context = {
        "framework": framework,
        "articles": kept((*key, "articles"), lambda: articles_with_served(framework, request)),
        "articles_key": ":".join(map(str, key)),
    }
    context["documents"] = list(page.documents.select_related("document"))
    if not framework.binding:
        return context
    standing = request.GET.get("standing", "")
    standing = standing if standing in Standing.values else ""
    sort = request.GET.get("sort", "country")
    sort = sort if sort in SORTS else "country"
    descending = request.GET.get("dir") == "desc"
    # The chart runs to the current year: a new year is a new answer.
    status_key = (*key, standing, sort, descending, timezone.localdate().year)

    def compute():
        table = status_table(framework)
        points = ratifications_over_time(table)
        return {
            "table": table,
            "rows": filter_and_sort(table, standing, sort, descending),
            "points": points,
            "chart": charts.cumulative_bars(points, framework.code),
            "undated_parties": sum(
                1 for r in table.rows
                if r.standing == Standing.PARTY and not r.status.deposit_date
            ),
            "cycles": list(framework.cycles.annotate(
                submitted=Count("reports",
                                filter=Q(reports__state__in=["submitted", "reviewed"])),
                late=Count("reports", filter=Q(reports__state="late")),
                total=Count("reports"),
            )),
        }

    context.update(
        kept((*status_key, "status"), compute),
        standing=standing,
        standings=Standing.choices,
        sort=sort,
        descending=descending,
        status_key=":".join(map(str, status_key)),
    )
    return context


def index_rows(index_page) -> list[dict]:
    """Each instrument with its page in this language and its counts (two queries)."""
    pages = (
        FrameworkPage.objects.live().child_of(index_page).select_related("framework")
        .order_by("framework__position", "framework__code")
    )
    pages = list(pages)
    counts = defaultdict(dict)
    for row in (
        CountryStatus.objects.filter(framework__in=[p.framework_id for p in pages])
        .values("framework_id")
        .annotate(
            parties=Count("pk", filter=Q(standing=Standing.PARTY)),
            signatories=Count("pk", filter=Q(signed=True)),
            pending=Count("pk", filter=Q(standing=Standing.PENDING_DEPOSIT)),
        )
    ):
        counts[row["framework_id"]] = row
    return [{"page": p, "framework": p.framework, "counts": counts.get(p.framework_id, {})}
            for p in pages]


def framework_pages(language: str) -> dict[int, FrameworkPage]:
    """{framework id: its live page in ``language``} (one query)."""
    return {
        p.framework_id: p
        for p in FrameworkPage.objects.live().filter(locale__language_code=language)
    }


def country_profile(country: Country, request) -> list[dict]:
    """Every instrument with this country's row, its reports and what it did, per article."""
    language = (translation.get_language() or "en")[:2]
    frameworks = list(Framework.objects.all())
    pages = framework_pages(language)
    statuses = {s.framework_id: s for s in CountryStatus.objects.filter(country=country)}
    all_deposits = defaultdict(list)
    for framework_id, deposit in CountryStatus.objects.filter(
        deposit_date__isnull=False
    ).values_list("framework_id", "deposit_date"):
        all_deposits[framework_id].append(deposit)
    reports = defaultdict(list)
    for report in NationalReport.objects.filter(country=country).select_related("cycle"):
        reports[report.cycle.framework_id].append(report)
    articles = {a.pk: a for a in Article.objects.filter(tags__country=country).distinct()}
    tags = list(ArticleTag.objects.filter(country=country))
    served = served_by_article(tags, request)
    result = []
    for framework in frameworks:
        status = statuses.get(framework.pk)
        in_force = None
        if status is not None and status.standing == Standing.PARTY:
            general = framework.general_entry_into_force(all_deposits[framework.pk])
            in_force = status.entry_into_force_date or framework.entry_into_force_for(
                status.deposit_date, general
            )
        did = [
            {"article": article, "served": served[article.pk]}
            for article in articles.values()
            if article.framework_id == framework.pk and served.get(article.pk)
        ]
        result.append({
            "framework": framework, "page": pages.get(framework.pk), "status": status,
            "standing": status.standing if status else Standing.NONE,
            "standing_label": str(Standing(status.standing if status else Standing.NONE).label),
            "entry_into_force": in_force, "reports": reports[framework.pk], "did": did,
        })
    return result


def compare(selected: list[Country]) -> list[dict]:
    """Instruments × countries: [{framework, page, cells: [standing label, ...]}] (3 queries)."""
    language = (translation.get_language() or "en")[:2]
    frameworks = list(Framework.objects.filter(binding=True))
    pages = framework_pages(language)
    statuses = {
        (s.framework_id, s.country_id): s
        for s in CountryStatus.objects.filter(country__in=selected)
    }
    rows = []
    for framework in frameworks:
        cells = []
        for country in selected:
            status = statuses.get((framework.pk, country.pk))
            standing = status.standing if status else Standing.NONE
            cells.append({"country": country, "status": status, "standing": standing,
                          "label": str(Standing(standing).label)})
        rows.append({"framework": framework, "page": pages.get(framework.pk), "cells": cells})
    return rows


def status_export_rows(framework: Framework | None = None):
    """The rows of the CSV and JSON downloads, in the import's column order (one query)."""
    queryset = CountryStatus.objects.select_related("framework", "country").order_by(
        "framework__position", "framework__code", "country__code"
    )
    if framework is not None:
        queryset = queryset.filter(framework=framework)
    return queryset

