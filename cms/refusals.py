"""One refusal for every service: a stable ``code`` and a message a person can read.

Services raise :class:`Refusal` (or a subclass) and never answer HTTP themselves. It is mapped
once per surface:

- the API: ``cms.api`` registers :func:`api_handler` → HTTP 409 ``{"code", "message"}``;
- pages: :func:`refused_to_page` flashes the message and redirects;
- sockets: consumers send ``{"type": "error", "code", "message"}`` (:meth:`Refusal.as_frame`).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect


class Refusal(Exception):
    """A service said no: nothing was changed. ``code`` is stable, ``message`` translated."""

    default_code = "refused"
    status = 409

    def __init__(self, message, *, code: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.code = code or self.default_code

    def __str__(self) -> str:
        return str(self.message)

    def as_dict(self) -> dict:
        return {"code": self.code, "message": str(self.message)}

    def as_frame(self) -> dict:
        return {"type": "error", **self.as_dict()}


def api_handler(api):
    """The django-ninja exception handler for :class:`Refusal` (installed once in cms.api)."""

    def handle(request, exc: Refusal):
        return api.create_response(request, exc.as_dict(), status=exc.status)

    return handle


def refused_to_page(request, refusal: Refusal, to, *args, **kwargs):
    """A page's answer to a refusal: the message as an error flash, then a redirect to ``to``."""
    messages.error(request, str(refusal.message))
    return redirect(to, *args, **kwargs)
