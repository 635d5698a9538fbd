"""Reads: the list's pages and totals, a project's public block, budgets and indicators.

A project page's structured block (partners, budget, results) is kept in the shared cache under
the projects version (any projects or directory row change replaces it) and the tree version,
so a page costs the same few queries however large the project. What it produced is read on
each request: whether a linked exchange or course is public is for its own app to say."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Prefetch, Sum
from django.utils.translation import get_language

from cms.pages.shell import tree_version
from cms.permissions import is_secretariat, may_act_for

from . import activities
from .currencies import format_amount
from .enums import Modality, ReportState
from .models import (
    ActivityLink,
    BudgetLine,
    Indicator,
    IndicatorActual,
    Participation,
    ProjectPage,
    Result,
)
from .permissions import linkable_activities
from .signal_handlers import PROJECTS

TIMEOUT = 60 * 60


def cached(request, *parts, compute):
    key = ":".join(
        ["puente:projects", PROJECTS.current(), tree_version(request), get_language() or "en",
         *map(str, parts)]
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def live_pages(index=None, locale=None):
    """Live project pages (of one list, or one language), with their record."""
    pages = ProjectPage.objects.live().public().select_related("project", "project__lead_agency")
    if index is not None:
        pages = pages.child_of(index)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.order_by("-project__planned_start", "title")


def budget_totals(lines) -> list[dict]:
    """Totals per currency (never summed across currencies), largest currency code first
    alphabetically for a stable table."""
    totals: dict[str, int] = defaultdict(int)
    for line in lines:
        totals[line["currency"]] += line["amount_minor"]
    return [
        {"currency": c, "amount_minor": v, "display": format_amount(v, c)}
        for c, v in sorted(totals.items())
    ]


def totals(pages) -> dict:
    """Counts by modality and by country, and budgets per modality and currency, of ``pages``."""
    project_ids = pages.values("project_id")
    by_modality = dict(
        pages.values_list("project__modality").annotate(n=Count("pk")).order_by()
    )
    labels = dict(Modality.choices)
    modality_rows = [
        {"key": key, "label": str(labels[key]), "count": by_modality.get(key, 0)}
        for key, _label in Modality.choices
    ]
    budgets = defaultdict(list)
    for modality, currency, amount in (
        BudgetLine.objects.filter(project_id__in=project_ids)
        .values_list("project__modality", "currency").annotate(total=Sum("amount_minor"))
        .order_by("currency")
    ):
        budgets[modality].append(format_amount(amount, currency))
    for row in modality_rows:
        row["budgets"] = budgets.get(row["key"], [])
    from cms.directory.models import Country

    countries = (
        Country.objects.filter(projects__pk__in=project_ids)
        .annotate(n=Count("projects", distinct=True)).order_by("-n", "name_en")
    )
    country_rows = [{"key": c.code, "label": c.name, "count": c.n} for c in countries]
    for rows in (modality_rows, country_rows):
        top = max([r["count"] for r in rows] or [0]) or 1
        for position, row in enumerate(rows):
            row["width"] = round(row["count"] * 300 / top)
            row["y"] = position * 28
    return {
        "by_modality": modality_rows,
        "by_country": country_rows,
        "modality_height": len(modality_rows) * 28,
        "country_height": len(country_rows) * 28,
    }


def progress_percent(indicator, actual) -> int | None:
    """How far ``actual`` went from the baseline to the target, 0–100 (None without a value)."""
    if actual is None:
        return None
    span = Decimal(indicator.target_value) - Decimal(indicator.baseline_value)
    if span == 0:
        return 100
    share = (Decimal(actual) - Decimal(indicator.baseline_value)) / span
    return max(0, min(100, int(share * 100)))


def results_of(project_id) -> list[dict]:
    """Outcomes and outputs with their indicators, each with the accepted actuals per period
    (totals) and the latest one — three queries."""
    indicators = Indicator.objects.filter(result__project_id=project_id)
    actuals = (
        IndicatorActual.objects.filter(
            indicator__in=indicators, report__state=ReportState.ACCEPTED
        )
        .select_related("report", "population_group")
        .order_by("report__period_start", "pk")
    )
    results = Result.objects.filter(project_id=project_id).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("sort_order", "pk")),
    )
    by_indicator = defaultdict(list)
    for actual in actuals:
        by_indicator[actual.indicator_id].append(actual)
    rows = []
    for result in results:
        items = []
        for indicator in result.indicators.all():
            values = by_indicator.get(indicator.pk, [])
            periods = [
                {"start": a.report.period_start, "end": a.report.period_end, "value": a.value}
                for a in values if a.is_total
            ]
            slices = [
                {"period_end": a.report.period_end, "sex": a.get_sex_display() if a.sex else "",
                 "group": a.population_group.name if a.population_group else "", "value": a.value}
                for a in values if not a.is_total
            ]
            latest = periods[-1]["value"] if periods else None
            items.append({
                "name": indicator.name, "unit": indicator.unit,
                "baseline": indicator.baseline_value, "baseline_year": indicator.baseline_year,
                "target": indicator.target_value, "actual": latest,
                "percent": progress_percent(indicator, latest),
                "periods": periods, "slices": slices,
            })
        rows.append({"kind": result.get_kind_display(), "name": result.name, "indicators": items})
    return rows


def activities_of(project_id) -> list[dict]:
    """What the project produced that anyone may see: one query per kind of thing linked."""
    links = ActivityLink.objects.filter(project_id=project_id).select_related("content_type")
    by_type = defaultdict(list)
    for link in links:
        by_type[link.content_type].append(link.object_id)
    items = []
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        kind = activities.kind_for_model(model) if model else None
        if kind is None:
            continue
        for obj in kind.public(kind.objects().filter(pk__in=ids)):
            items.append({"kind": str(kind.name), "title": kind.title(obj), "url": kind.url(obj)})
    return sorted(items, key=lambda i: (i["kind"], i["title"]))


def linked_activities(project_id, user) -> list[dict]:
    """Every link of the project, for its working page: ``id``, ``kind`` and, when ``user`` may
    see the item, its ``title`` ("" otherwise). One query, plus one per kind linked."""
    links = ActivityLink.objects.filter(project_id=project_id).select_related("content_type")
    by_type = defaultdict(list)
    for link in links:
        by_type[link.content_type].append(link)
    rows = []
    for content_type, links_of in by_type.items():
        model = content_type.model_class()
        kind = activities.kind_for_model(model) if model else None
        seen = {}
        if kind is not None:
            ids = [link.object_id for link in links_of]
            seen = {obj.pk: obj for obj in linkable_activities(
                user, kind, kind.objects().filter(pk__in=ids))}
        for link in links_of:
            obj = seen.get(link.object_id)
            rows.append({"id": link.pk, "kind": str(kind.name if kind else content_type.name),
                         "title": kind.title(obj) if obj is not None else ""})
    return sorted(rows, key=lambda row: (row["kind"], row["title"], row["id"]))


CANDIDATES = 100


def activity_candidates(project_id, user, kind, language: str) -> list[tuple[int, str]]:
    """What ``user`` may still link to the project among ``kind``'s items, newest first, at
    most ``CANDIDATES`` (one query): a page once, in ``language`` when translated."""
    from django.db.models import Q

    from wagtail.models import Page

    model = kind.model
    queryset = linkable_activities(user, kind, kind.objects())
    linked = ActivityLink.objects.filter(
        project_id=project_id, content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
    ).values("object_id")
    if issubclass(model, Page):
        linked_keys = Page.objects.filter(pk__in=linked).values("translation_key")
        in_language = model.objects.filter(locale__language_code=language)
        queryset = queryset.exclude(translation_key__in=linked_keys).filter(
            Q(locale__language_code=language)
            | ~Q(translation_key__in=in_language.values("translation_key"))
        )
    else:
        queryset = queryset.exclude(pk__in=linked)
    return [(obj.pk, kind.title(obj)) for obj in queryset.order_by("-pk")[:CANDIDATES]]


def links_to(obj):
    """The links to ``obj`` — for a page, to any of its translations (a course is linked once,
    whichever language's page was chosen) — as a lazy queryset (a subquery, no query of its
    own: the content type is matched by name, not looked up)."""
    from wagtail.models import Page

    opts = obj._meta.concrete_model._meta
    links = ActivityLink.objects.filter(content_type__app_label=opts.app_label,
                                        content_type__model=opts.model_name)
    if isinstance(obj, Page):
        return links.filter(object_id__in=Page.objects.filter(
            translation_key=obj.translation_key).values("pk"))
    return links.filter(object_id=obj.pk)


def linked_project_pages(obj, language: str, limit: int = 20) -> list:
    """The public pages of the projects ``obj`` (an exchange, course, webinar…) belongs to, one
    per project: in ``language`` when translated, else the default language's or another's, its
    ``other_language`` then set for the link's ``lang``. One query, at most ``limit`` projects."""
    from django.conf import settings

    from cms.pages.highlights import public_pages

    pages = (
        public_pages(ProjectPage.objects.live())
        .filter(project__in=links_to(obj).values("project_id"))
        .select_related("locale").order_by("project_id", "pk")[: limit * len(settings.LANGUAGES)]
    )
    default = settings.LANGUAGE_CODE[:2]
    rank = {language: 0, default: 1}
    chosen = {}
    for page in pages:
        best = chosen.get(page.project_id)
        code = page.locale.language_code
        if best is None or rank.get(code, 2) < rank.get(best.locale.language_code, 2):
            chosen[page.project_id] = page
    for page in chosen.values():
        code = page.locale.language_code
        page.other_language = "" if code == language else code
    return sorted(chosen.values(), key=lambda page: page.title.casefold())[:limit]


def cached_linked_project_pages(obj, language: str, request=None) -> list:
    """``linked_project_pages`` kept under the projects version (links, projects) and the tree
    version (the project pages, their restrictions, ``obj``'s translations): compiling its
    query was a third of a signed-in course page's CPU."""
    label = obj._meta.concrete_model._meta.label_lower
    return cached(request, "linked", label, obj.pk, language,
                  compute=lambda: linked_project_pages(obj, language))


def project_block(project_id: int) -> dict:
    """Everything shared by every language's page of the project (built in the active
    language): partners, places, budget table, results."""
    from .models import Project

    project = (
        Project.objects.select_related("lead_agency__country")
        .prefetch_related("partner_agencies__country", "countries", "themes", "population_groups")
        .get(pk=project_id)
    )
    participations = Participation.objects.filter(project_id=project_id).select_related(
        "organisation"
    )
    lines = list(
        BudgetLine.objects.filter(project_id=project_id)
        .select_related("source", "source_agency").order_by("year", "currency", "sort_order")
    )
    budget_rows = [
        {"year": line.year, "source": line.source_name, "currency": line.currency,
         "display": format_amount(line.amount_minor, line.currency)}
        for line in lines
    ]
    return {
        "status": project.status,
        "status_label": project.get_status_display(),
        "status_reason": project.status_reason,
        "modality_label": project.get_modality_display(),
        "lead_agency": f"{project.lead_agency} ({project.lead_agency.country.name})",
        "partner_agencies": [f"{a} ({a.country.name})" for a in project.partner_agencies.all()],
        "organisations": [
            {"name": str(p.organisation), "role": p.get_role_display(),
             "iati": p.organisation.iati_identifier}
            for p in participations
        ],
        "countries": [c.name for c in project.countries.all()],
        "themes": [t.name for t in project.themes.all()],
        "groups": [g.name for g in project.population_groups.all()],
        "planned_start": project.planned_start, "planned_end": project.planned_end,
        "actual_start": project.actual_start, "actual_end": project.actual_end,
        "contact_email": project.contact_email,
        "illustrative": project.illustrative,
        "budget_rows": budget_rows,
        "budget_totals": budget_totals(
            {"currency": line.currency, "amount_minor": line.amount_minor} for line in lines
        ),
        "results": results_of(project_id),
        "code": project.code,
        "agency_ids": sorted(
            {project.lead_agency_id, *(a.pk for a in project.partner_agencies.all())}
        ),
    }


def project_detail(page: ProjectPage, user) -> dict:
    block = cached(None, "block", page.project_id, compute=lambda: project_block(page.project_id))
    documents = cached(
        None, "documents", page.pk,
        compute=lambda: [
            {"title": d.title, "url": d.document.url, "ext": d.document.file_extension.upper()}
            for d in page.documents.select_related("document")
        ],
    )
    return {
        "info": block,
        # Not cached: whether an exchange or a course is public is decided by its own app, which
        # replaces none of our versions (one query, plus one per kind of thing linked).
        "activities": activities_of(page.project_id),
        "documents": documents,
        "may_work": is_secretariat(user)
        or any(may_act_for(user, agency_id) for agency_id in block["agency_ids"]),
    }
