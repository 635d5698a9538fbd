"""The experience library: a faceted search of the experiences of the reader's language."""

from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cms.pages import shell
from search.engines import FACETS, SearchQuery, get_engine

from .filters import ExperienceFilterSet
from .models import ExperienceIndexPage

FACET_LABELS = {
    "country": gettext_lazy("Country"),
    "theme": gettext_lazy("Theme"),
    "population": gettext_lazy("Population group"),
    "year": gettext_lazy("Year"),
    "language": gettext_lazy("Language"),
}


def _url_without(params: QueryDict, key: str, value: str | None = None) -> str:
    """The query string with one value of ``key`` (or the whole key) removed, page reset."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(key, None)
    else:
        params.setlist(key, [v for v in params.getlist(key) if v != value])
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _url_with(params: QueryDict, **values) -> str:
    params = params.copy()
    for key, value in values.items():
        params[key] = value
    return f"?{params.urlencode()}"


def _chips(params: QueryDict, query: SearchQuery, facets: dict) -> list[dict]:
    """The active filters as removable chips, labelled in the reader's language."""
    labels = {(name, f.value): f.label for name, values in facets.items() for f in values}
    chips = []
    for key, name, values in (
        ("country", "country", query.countries),
        ("theme", "theme", query.themes),
        ("population", "population", query.populations),
        ("language", "language", query.languages),
    ):
        for value in values:
            chips.append(
                {"label": labels.get((name, value), value), "url": _url_without(params, key, value)}
            )
    if query.year_from is not None:
        chips.append(
            {"label": _("From %(year)s") % {"year": query.year_from},
             "url": _url_without(params, "year_from")}
        )
    if query.year_to is not None:
        chips.append(
            {"label": _("To %(year)s") % {"year": query.year_to},
             "url": _url_without(params, "year_to")}
        )
    return chips


def _facet_options_html(name: str, options) -> str:
    """The checkboxes of one facet. Built here rather than in the template: a library page
    lists a hundred options or more, and this is several times faster than a template loop."""
    return format_html_join(
        "",
        '<div class="facet-option"><input type="checkbox" name="{0}" value="{1}" '
        'id="f-{0}-{1}"{2}><label for="f-{0}-{1}">{3} <span class="count">({4})</span>'
        "</label></div>",
        (
            (name, option.value, mark_safe(" checked") if option.selected else "",  # noqa: S308  # nosec B308
             option.label, option.count)
            for option in options
        ),
    )


def experience_search(request, library):
    """``/<lang>/experiences/?q=…``: works without JavaScript; bad parameters answer 400."""
    filterset = ExperienceFilterSet(request.GET or None)
    valid = filterset.is_valid() if request.GET else True
    query = filterset.search_query() if request.GET else SearchQuery()
    results = get_engine().search(query)
    facets = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "options_html": _facet_options_html(name, results.facets.get(name, [])),
        }
        for name in FACETS
        if name != "year"
    ]
    paginator = Paginator(range(results.total), query.per_page) if results.total else None
    page_links = []
    if paginator and paginator.num_pages > 1:
        for number in paginator.get_elided_page_range(min(query.page, paginator.num_pages)):
            page_links.append(
                {
                    "number": number,
                    "url": _url_with(request.GET, page=number) if isinstance(number, int) else None,
                    "current": number == query.page,
                }
            )
    context = library.get_context(request)
    context.update(
        {
            "filterset": filterset,
            "form_errors": None if valid else filterset.form.errors,
            "query": query,
            "results": results,
            "facets": facets,
            "years": results.facets.get("year", []),
            "chips": _chips(request.GET, query, results.facets),
            "page_links": page_links,
            "previous_url": _url_with(request.GET, page=query.page - 1) if query.page > 1 else None,
            "next_url": (
                _url_with(request.GET, page=query.page + 1)
                if query.page < results.num_pages else None
            ),
            "clear_url": request.path,
        }
    )
    return TemplateResponse(
        request,
        "experiences/experience_index_page.html",
        context,
        status=200 if valid else 400,
    )


def library(request):
    """``/<lang>/experiences/``: the library of the request's language (its id cached with the
    page tree, so finding it costs one query by primary key)."""
    language = get_language()

    def find():
        found = (
            ExperienceIndexPage.objects.live().public()
            .filter(locale__language_code=language).values_list("pk", flat=True).first()
        )
        return found or ""

    pk = shell.cached(request, "experience-library", language, compute=find)
    pages = ExperienceIndexPage.objects.select_related("locale")
    page = pages.filter(pk=pk).first() if pk else None
    if page is None:
        raise Http404
    request.is_preview = False
    return experience_search(request, page)
