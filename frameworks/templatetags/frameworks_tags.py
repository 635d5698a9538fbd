from urllib.parse import urlencode

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def sort_header(key, label, sort, descending, standing):
    """A column header that sorts the status table by ``key`` (again: the other way round),
    with ``aria-sort`` on the current column."""
    current = key == sort
    params = {"sort": key}
    if standing:
        params["standing"] = standing
    if current and not descending:
        params["dir"] = "desc"
    aria = ""
    if current:
        aria = "descending" if descending else "ascending"
    hint = _("sort descending") if current and not descending else _("sort ascending")
    return format_html(
        '<th scope="col"{}><a href="?{}">{}<span class="visually-hidden"> ({})</span></a></th>',
        format_html(' aria-sort="{}"', aria) if aria else "", urlencode(params), label, hint,
    )
