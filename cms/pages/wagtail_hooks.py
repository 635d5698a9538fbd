"""Admin hooks of the site pages: the page chooser (and the move view, which uses it) shows a
draft only to people who may edit it (``cms/choosers.py``)."""

from wagtail import hooks

from cms.choosers import visible_in_page_chooser


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_from_people_who_may_not_edit_them(pages, request):
    return visible_in_page_chooser(pages, request.user)
