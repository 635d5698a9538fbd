from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def in_language(names: dict, code: str = "") -> str:
    """The value for the active language (or ``code``) of a ``{"en": …, "es": …}`` mapping."""
    code = (code or get_language() or "en").split("-")[0]
    return names.get(code) or names.get("en", "")
