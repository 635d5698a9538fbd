"""Marking text in another language than the page's: one tag for every template."""

from django import template
from django.utils import translation
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def lang_attr(code) -> str:
    """`` lang="xx"`` when ``code`` (a language code) is not the language of the page being
    drawn, so screen readers switch voice for a foreign title; else nothing."""
    code = (code or "").strip()
    page_language = (translation.get_language() or "").split("-")[0]
    if not code or code.split("-")[0] == page_language:
        return ""
    return format_html(' lang="{}"', code)
