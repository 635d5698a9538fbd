"""``GET /api/experiences/search``: the experience search as JSON, same parameters as the page."""

from django.http import QueryDict

from ninja import Field, Query, Router, Schema, Status

from search.engines import get_engine

from .filters import ExperienceFilterSet

router = Router(tags=["experiences"])


class Hit(Schema):
    title: str
    url: str
    country: str | None
    agency: str | None
    year: int | None
    language: str
    snippet: str


class Facet(Schema):
    value: str
    label: str
    count: int


class Facets(Schema):
    country: list[Facet]
    theme: list[Facet]
    population: list[Facet]
    year: list[Facet]
    language: list[Facet]


class SearchOut(Schema):
    total: int
    page: int
    corrected: str = Field("", description="the corrected query when the typed one found nothing")
    results: list[Hit]
    facets: Facets


class ErrorOut(Schema):
    detail: str


class SearchParams(Schema):
    q: str = ""
    country: list[str] = []
    theme: list[str] = []
    population: list[str] = []
    language: list[str] = []
    # Strings, so that every bad value gets the same 400 answer from the FilterSet.
    year_from: str | None = None
    year_to: str | None = None
    sort: str = "relevance"
    page: str = "1"


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut},
    summary="Search published experiences",
    description=(
        "Full-text search over live experiences with filters. Facet counts apply every other "
        "active filter. ``snippet`` is HTML: escaped text with ``<mark>`` around matches."
    ),
)
def search_experiences(request, params: Query[SearchParams]):
    data = QueryDict(mutable=True)
    for key in ("country", "theme", "population", "language"):
        data.setlist(key, getattr(params, key))
    for key in ("q", "year_from", "year_to", "sort", "page"):
        value = getattr(params, key)
        if value not in (None, ""):
            data[key] = str(value)
    filterset = ExperienceFilterSet(data)
    if not filterset.is_valid():
        return Status(400, {"detail": filterset.error_message()})
    results = get_engine().search(filterset.search_query())
    return Status(
        200,
        {
            "total": results.total,
            "page": results.page,
            "corrected": results.corrected,
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "country": hit.country_code,
                    "agency": hit.agency,
                    "year": hit.year,
                    "language": hit.language,
                    "snippet": hit.snippet,
                }
                for hit in results.hits
            ],
            "facets": {
                name: [{"value": f.value, "label": f.label, "count": f.count} for f in values]
                for name, values in results.facets.items()
            },
        },
    )
