"""``{% room_links parents %}``: links to the discussion rooms of a page's cohorts, webinar or
exchange, shown only to the people who may read them (``rooms.selectors.readable_rooms_of``:
a constant number of queries however many parents the page lists)."""

from django import template
from django.db.models import Model

from rooms.selectors import readable_rooms_of

register = template.Library()


@register.inclusion_tag("rooms/includes/room_links.html", takes_context=True)
def room_links(context, parents):
    """``parents``: one parent (a webinar page, an exchange) or several (a course's cohorts)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if parents is None or user is None:
        return {"rooms": []}
    if isinstance(parents, Model):
        parents = [parents]
    return {"rooms": readable_rooms_of(user, parents)}
