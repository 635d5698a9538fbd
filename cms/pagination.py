"""One way to page a list: ``paginate()`` in the view, ``includes/pagination.html`` in the page.

Page numbers come from visitors: anything that is not a small positive integer (text, a
negative number, a number beyond 64 bits) gives the first or the last page, never an error.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

MAX_PAGE_DIGITS = 6


def page_number(raw) -> int:
    """The page a visitor asked for, as a positive int (1 when it is not a sane number)."""
    text = str(raw or "").strip()
    if not (text.isascii() and text.isdigit()):
        return 1
    if len(text) > MAX_PAGE_DIGITS:
        return 10**MAX_PAGE_DIGITS  # past the end: the paginator answers with the last page
    return max(int(text), 1)


def paginate(request, items, per_page: int, *, param: str = "page") -> Page:
    """The page of ``items`` the request asks for (``?page=``); out-of-range gives the last."""
    return Paginator(items, per_page).get_page(page_number(request.GET.get(param)))


def page_url(request, number: int, *, param: str = "page") -> str:
    """The current URL with its query string kept and ``param`` set to ``number``."""
    query = request.GET.copy()
    if number <= 1:
        query.pop(param, None)
    else:
        query[param] = str(number)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path
