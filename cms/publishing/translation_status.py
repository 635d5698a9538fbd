"""Which live pages lack a translation, or have one older than their source, per language.

simple_translation records no "source" of a translation: the source of a group of pages that
share a ``translation_key`` is its oldest page (the lowest id — translations are copies made
after it). A translation is *missing* when the group has no page in that language, a *draft*
when its page there is not live, *out of date* when the source was published after it. One
query per page of the report: each language's translation is read by correlated subqueries
on the indexed ``translation_key``, and the gaps are filtered and paginated in SQL.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse

from wagtail.models import Page

MISSING, DRAFT, OUTDATED, CURRENT, SOURCE = "missing", "draft", "outdated", "current", "source"
STATUSES = (MISSING, DRAFT, OUTDATED)


def _codes(language: str | None) -> list[str]:
    return [code for code, _name in settings.LANGUAGES if language in (None, code)]


def sources(*, language: str | None = None, status: str | None = None):
    """Live source pages with at least one gap (in ``language``, of ``status`` when given),
    newest publication first, annotated ``<code>_id``, ``<code>_live``, ``<code>_published``
    for each site language."""
    older = Page.objects.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    pages = Page.objects.live().filter(depth__gt=1).exclude(Exists(older))
    gaps = Q()
    for code, _name in settings.LANGUAGES:
        same = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=code
        )
        pages = pages.annotate(**{
            f"{code}_id": Subquery(same.values("pk")[:1]),
            f"{code}_live": Subquery(same.values("live")[:1]),
            f"{code}_published": Subquery(same.values("last_published_at")[:1]),
        })
        if code not in _codes(language):
            continue
        conditions = {
            MISSING: Q(**{f"{code}_id__isnull": True}),
            DRAFT: Q(**{f"{code}_live": False}),
            OUTDATED: Q(**{f"{code}_live": True, f"{code}_published__lt": F("last_published_at")}),
        }
        for name, condition in conditions.items():
            if status in (None, name):
                gaps |= condition
    return pages.filter(gaps).select_related("locale", "content_type").order_by(
        "-last_published_at", "pk"
    )


def cells(page) -> list[dict]:
    """``[{"code", "status", "url"}]`` for one source page of ``sources()``: ``url`` is where to
    act — simple_translation's translate view for a missing one, the editor otherwise."""
    row = []
    for code, name in settings.LANGUAGES:
        translation_id = getattr(page, f"{code}_id")
        if translation_id == page.pk:
            status, url = SOURCE, reverse("wagtailadmin_pages:edit", args=[page.pk])
        elif translation_id is None:
            status = MISSING
            url = reverse("simple_translation:submit_page_translation", args=[page.pk])
        else:
            url = reverse("wagtailadmin_pages:edit", args=[translation_id])
            published = getattr(page, f"{code}_published")
            if not getattr(page, f"{code}_live"):
                status = DRAFT
            elif published and page.last_published_at and published < page.last_published_at:
                status = OUTDATED
            else:
                status = CURRENT
        row.append({"code": code, "name": name, "status": status, "url": url})
    return row
