"""The head of every page (canonical, alternates, feeds, schema.org) and the notice shown when a
page is viewed in place of a translation that does not exist yet."""

import json

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page

from cms.pages import shell
from cms.publishing import alternates, feeds, structured_data

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a title would end the block: escape them (as
# Django's json_script does).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def json_ld(data: dict) -> str:
    """``data`` as the text of a <script type="application/ld+json"> block: ``<``, ``>`` and
    ``&`` written as JSON escapes, so no text can close the block. The head template prints it
    with autoescaping off (HTML entities would corrupt the JSON); this is the one place that
    makes it safe."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)


@register.simple_tag(takes_context=True)
def publishing_head(context):
    """Canonical and language alternates, the language's feeds and the page's schema.org data.

    No query of its own: the translations come from the header's cache (tree version) and
    the schema.org builders read the page's own fields.
    """
    request = context.get("request")
    if request is None:
        return ""
    page = _page(context)
    links = alternates.head_links(request, page)
    language = translation.get_language() or settings.LANGUAGE_CODE
    blocks = [json_ld(item) for item in structured_data.objects_for(page, request)] if page else []
    return render_to_string("publishing/head.html", {
        "canonical": links["canonical"],
        "alternates": links["alternates"],
        "feeds": feeds.feed_links(language),
        "json_ld": blocks,
    })


@register.simple_tag(takes_context=True)
def translation_notice(context):
    """On a page reached through the language switcher for a language it lacks
    (``?untranslated=<code>``): a notice, in that language, that it is shown in its own."""
    request = context.get("request")
    page = _page(context)
    if request is None or page is None:
        return ""
    wanted = request.GET.get("untranslated", "")
    names = dict(settings.LANGUAGES)
    current = translation.get_language()
    if wanted not in names or wanted == current:
        return ""
    if wanted in shell.translation_urls(request, page):
        return ""  # it exists after all (published since the link was drawn)
    with translation.override(wanted):
        return render_to_string("publishing/translation_notice.html", {
            "wanted": wanted,
            "wanted_name": names[wanted],
            "current": current,
            "current_name": names.get(current, current),
        })
