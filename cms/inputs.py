"""What Puente accepts from visitors, in one place (issue 16, point 13).

Text may not hold a NUL (PostgreSQL refuses it: a 500 deep in a query) nor a lone surrogate
(it cannot be encoded as UTF-8: a 500 when saved or rendered). ``RefuseUnsafeTextMiddleware``
answers 400 for such a path or query string before any view runs; ``SafeJsonParser`` does the
same for every JSON body of the API; forms and CSV readers call ``unsafe_text_error``.
Integers typed by visitors are bounded (``bounded_int``), so that a 20-digit "year" is a form
error rather than an overflow.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from ninja.parser import Parser

UNSAFE_TEXT = re.compile("[\x00\ud800-\udfff]")

YEAR_MIN, YEAR_MAX = 1900, 2100


def unsafe_text_error(value: str) -> str | None:
    """The reason ``value`` is refused (a NUL or a lone surrogate), or None when it is fine."""
    if "\x00" in value:
        return _("The text contains a NUL character.")
    if UNSAFE_TEXT.search(value):
        return _("The text contains an invalid character (a lone surrogate).")
    return None


def refuse_unsafe_text(value: str) -> str:
    """A form field validator (and ``clean_*`` helper): ``value``, or a ValidationError."""
    reason = unsafe_text_error(value)
    if reason:
        raise ValidationError(reason, code="unsafe_text")
    return value


def first_unsafe_text(data) -> str | None:
    """The reason the first unsafe string in a parsed JSON value (keys too) is refused."""
    if isinstance(data, str):
        return unsafe_text_error(data)
    if isinstance(data, dict):
        items = [*data.keys(), *data.values()]
    elif isinstance(data, list):
        items = data
    else:
        return None
    for item in items:
        reason = first_unsafe_text(item)
        if reason:
            return reason
    return None


class SafeJsonParser(Parser):
    """django-ninja's JSON parser, refusing unsafe text anywhere in the body (ninja turns the
    error into 400 "Cannot parse request body")."""

    def parse_body(self, request):
        data = json.loads(request.body)
        reason = first_unsafe_text(data)
        if reason:
            raise ValueError(reason)
        return data


class RefuseUnsafeTextMiddleware:
    """400 for a path or query string holding a NUL (percent-encoded or not), whatever view
    would have answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        for text in (request.path_info, unquote(query)):
            if unsafe_text_error(text):
                return HttpResponseBadRequest(
                    _("The address contains an invalid character."),
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)


def bounded_int(*, min_value: int, max_value: int) -> dict:
    """Keyword arguments that bound an integer form field or filter (``min_value``,
    ``max_value``): ``NumberFilter(**bounded_int(min_value=YEAR_MIN, max_value=YEAR_MAX))``."""
    return {"min_value": min_value, "max_value": max_value}
