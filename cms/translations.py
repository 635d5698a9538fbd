"""One page per translation: what a catalogue lists when content exists in several languages.

A catalogue (courses, webinars) lists every item whatever its language: the visitor's language
version when a translation exists, else the item in its own (first-written) language, which the
template marks with a visible language tag and ``lang``. One SQL query, with two subqueries.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet


def one_per_translation(pages: QuerySet, locale) -> QuerySet:
    """``pages`` reduced to one page per ``translation_key``: the one in ``locale`` when it is
    among ``pages``, else the oldest of the others (the original)."""
    same_item = pages.model.objects.filter(
        pk__in=pages.values("pk"), translation_key=OuterRef("translation_key")
    )
    in_locale = Q(locale=locale)
    original_shown = ~Exists(same_item.filter(locale=locale)) & ~Exists(
        same_item.filter(pk__lt=OuterRef("pk"))
    )
    return pages.filter(in_locale | original_shown).select_related("locale")
