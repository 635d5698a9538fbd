"""What experiences give the networks' pages, the country profiles and the open data.

Registered from ``ExperiencesConfig.ready()``; self-contained (reads only ExperiencePage). When
experiences move to their own app, this module moves with them unchanged.
"""

from __future__ import annotations

from django.db.models import Count, Exists, Max, OuterRef
from django.db.models.functions import ExtractYear, Length, Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from cms.directory.models import current_language
from countries import sections
from networks import activity
from opendata import datasets

from .models import ExperiencePage
from .versions import EXPERIENCES

RECENT = 5

#: Pages under no view restriction (Wagtail's ``.public()`` in the same query, not one more).
_NOT_RESTRICTED = ~Exists(
    PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
)


def _public_url(url_path: str, language: str) -> str:
    """The page's address under its language prefix (each language's tree hangs from its own
    home page: ``/home-es/experiences/x/`` is ``/es/experiences/x/``)."""
    rest = url_path.strip("/").split("/", 1)
    return f"/{language}/{rest[1]}/" if len(rest) > 1 else f"/{language}/"


def _live():
    return ExperiencePage.objects.live().filter(_NOT_RESTRICTED)


def _recent(queryset, language: str, limit: int) -> list[dict]:
    rows = (
        queryset.filter(locale__language_code=language)
        .order_by("-first_published_at", "-pk")
        .values_list("title", "url_path", "first_published_at")[:limit]
    )
    return [
        {"title": title, "url": _public_url(path, language), "date": published}
        for title, path, published in rows
    ]


# -- network activity -------------------------------------------------------------------------
def network_items(network, agency_ids, limit) -> list[dict]:
    return _recent(_live().filter(agency_id__in=list(agency_ids)), current_language(), limit)


def network_yearly(network, agency_ids):
    rows = (
        _live().filter(agency_id__in=list(agency_ids), first_published_at__isnull=False)
        .annotate(year=ExtractYear("first_published_at"))
        .values("year")
        .annotate(n=Count("translation_key", distinct=True))
    )
    return rows


# -- country profile --------------------------------------------------------------------------
def country_section(country, request) -> dict:
    """The country's experiences: how many (translations counted once) and the latest in the
    reader's language (two queries)."""
    mine = _live().filter(country=country)
    return {
        "total": mine.aggregate(n=Count("translation_key", distinct=True))["n"],
        "recent": _recent(mine, current_language(), RECENT),
        "library_url": reverse("experience_library") + f"?country={country.code}"
        if _has_library() else "",
    }


def _has_library() -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse("experience_library")
    except NoReverseMatch:
        return False
    return True


def country_headline(countries) -> dict[int, int]:
    rows = _live().values("country_id").annotate(n=Count("translation_key", distinct=True))
    return {row["country_id"]: row["n"] for row in rows}


# -- open data --------------------------------------------------------------------------------
def experience_rows():
    rows = (
        _live()
        .order_by("first_published_at", "pk")
        .values_list(
            "pk", "translation_key", "locale__language_code", "original_language", "title",
            "country__code", "agency__name", "start_year", "end_year", "first_published_at",
            "last_verified", "url_path",
        )
    )
    for row in rows.iterator(chunk_size=2000):
        yield (row[0], str(row[1]), *row[2:11], _public_url(row[11], row[2]))


def last_change():
    return _live().aggregate(at=Max("last_published_at"))["at"]


def register() -> None:
    activity.register(activity.Source(
        key="experiences", label=_("Experiences of members"), order=30,
        items=network_items, yearly=network_yearly,
    ))
    sections.register(sections.Section(
        key="experiences", title=_("Experiences"), order=40,
        template="experiences/country_section.html", context=country_section,
        headline=country_headline, headline_label=_("Experiences"),
        version=EXPERIENCES.current,
    ))
    datasets.register(datasets.Dataset(
        slug="experiences",
        title=_("Experiences (good practices)"),
        description=_("Published experiences of national agencies, one row per language "
                      "version, with a link to the full text."),
        columns=(
            datasets.Column("id", _("Page identifier"), "integer"),
            datasets.Column("experience", _("Experience identifier (shared by its translations)")),
            datasets.Column("language", _("Language of this version")),
            datasets.Column("original_language", _("Language of the original")),
            datasets.Column("title", _("Title")),
            datasets.Column("country", _("Country (ISO 3166-1 alpha-2)")),
            datasets.Column("agency", _("Agency")),
            datasets.Column("start_year", _("Start year"), "integer"),
            datasets.Column("end_year", _("End year"), "integer"),
            datasets.Column("published_at", _("First published"), "date"),
            datasets.Column("last_verified", _("Last verified"), "date"),
            datasets.Column("path", _("Address on the site")),
        ),
        rows=experience_rows, last_updated=last_change, keywords=("experiences", "good practices"),
    ))
