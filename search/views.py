"""The site-wide search page: every live page of every type, through the active engine."""

from django.template.response import TemplateResponse

from cms.pagination import page_url

from .engines import SearchQuery, get_engine
from .forms import SiteSearchForm


def site_search(request):
    """``/<lang>/search/?q=…``: bad parameters answer 400 with the errors listed."""
    form = SiteSearchForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    # The valid part of an invalid request still searches: only the faulty value is dropped.
    text = form.text if request.GET else ""
    page = form.page_number if request.GET else 1
    results = None
    if text:
        results = get_engine().search(SearchQuery(text=text, kinds=(), page=page, facets=False))
    return TemplateResponse(
        request,
        "puente_search/site_search.html",
        {
            "q": text,
            "results": results,
            "form_errors": None if valid else form.errors,
            "previous_url": page_url(request, page - 1) if page > 1 else None,
            "next_url": (
                page_url(request, page + 1) if results and page < results.num_pages else None
            ),
        },
        status=200 if valid else 400,
    )
