"""Admin › Reports › Translation status: for editors and the secretariat only."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cms import permissions
from cms.pagination import paginate

from . import translation_status

PER_PAGE = 50
STATUS_LABELS = {
    translation_status.MISSING: _("Missing"),
    translation_status.DRAFT: _("Draft, not published"),
    translation_status.OUTDATED: _("Out of date"),
    translation_status.CURRENT: _("Up to date"),
    translation_status.SOURCE: _("Source"),
}


def may_view_translation_status(user) -> bool:
    return permissions.is_editor(user)  # editors and the secretariat


def translation_status_report(request):
    if not may_view_translation_status(request.user):
        raise PermissionDenied
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language") or None
    status = request.GET.get("status") or None
    errors = []
    if language is not None and language not in languages:
        errors.append(_("Choose one of the site languages."))
        language = None
    if status is not None and status not in translation_status.STATUSES:
        errors.append(_("Choose one of the statuses."))
        status = None
    page_obj = paginate(
        request, translation_status.sources(language=language, status=status), PER_PAGE
    )
    rows = [
        {"page": page, "cells": [
            dict(cell, label=STATUS_LABELS[cell["status"]])
            for cell in translation_status.cells(page)
        ]}
        for page in page_obj
    ]
    return render(
        request, "publishing/admin/translation_status.html",
        {
            "rows": rows, "page_obj": page_obj, "errors": errors,
            "languages": settings.LANGUAGES, "language": language or "",
            "statuses": [(key, STATUS_LABELS[key]) for key in translation_status.STATUSES],
            "status": status or "",
        },
        status=400 if errors else 200,
    )
