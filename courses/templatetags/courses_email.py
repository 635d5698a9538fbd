"""Filters for the emails of learning (their context crosses the task queue as JSON)."""

from datetime import datetime

from django import template

register = template.Library()


@register.filter(expects_localtime=False)
def from_iso(value):
    """An ISO 8601 date-time string back into a datetime (``date`` then shows it in the
    recipient's time zone); anything else is returned unchanged."""
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
