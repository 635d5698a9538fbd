"""``{% related_content obj %}``: what other apps registered to show beside ``obj``'s page
(``cms.pages.related``)."""

from django import template
from django.utils.html import format_html_join

from cms.pages.related import related_slots

register = template.Library()


@register.simple_tag(takes_context=True)
def related_content(context, obj):
    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    parts = [slot.render(context, obj) for slot in related_slots()]
    return format_html_join("", "{}", ((part,) for part in parts if part))
