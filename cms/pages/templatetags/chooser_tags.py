"""The page chooser's titles for the person looking (issue 16, point 4): used by the chooser's
cell templates, overridden in ``templates/wagtailadmin/chooser/tables/``, for the pages that do
not pass through the ``construct_page_chooser_queryset`` hook (the parent page of a listing,
each search result's parent)."""

from django import template

from cms.choosers import show_live_titles

register = template.Library()


@register.simple_tag(takes_context=True)
def chooser_title(context, page) -> str:
    """``page``'s admin title, or its live title when the person may not edit it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and not (user.is_active and user.is_superuser):
        show_live_titles([page], user)
    return page.get_admin_display_title()
