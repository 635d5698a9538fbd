"""Admin choosers that obey the listing's permission (issue 16, point 4).

Wagtail's snippet chooser (``/admin/snippets/choose/<app>/<model>/``, its ``results/`` and
``chosen/<pk>/``) lists every row to anyone who may open the admin: focal points, instructors
and editors could read every enrolment, claim, certificate and registration. A snippet
viewset of personal data sets ``chooser_viewset_class = PermissionCheckedChooserViewSet``: its
chooser shows only the rows its permission policy lets the person list (the same actions as the
listing). The page chooser (and so the move view) is narrowed by the
``construct_page_chooser_queryset`` hook in ``cms/pages/wagtail_hooks.py``: a page that is not
live is shown only to people who may edit it, and a live page with unpublished changes shows
its live title, not the draft's (``draft_title``, which the chooser displays), to the others.
"""

from __future__ import annotations

from django.db.models import Q

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser

#: The actions that open a snippet's listing, as Wagtail's IndexView asks them.
LISTING_ACTIONS = ["add", "change", "delete", "view"]


def chooser_queryset(model, user):
    """The rows of ``model`` that ``user`` may list (and so choose)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, LISTING_ACTIONS)


class _Checked:
    def get_object_list(self):
        return chooser_queryset(self.model_class, self.request.user)


class CheckedChooseView(_Checked, chooser.ChooseView):
    pass


class CheckedChooseResultsView(_Checked, chooser.ChooseResultsView):
    pass


class CheckedChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return chooser_queryset(self.model_class, self.request.user).get(pk=pk)


class CheckedChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return chooser_queryset(self.model_class, self.request.user).filter(pk__in=pks)


class PermissionCheckedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = CheckedChooseView
    choose_results_view_class = CheckedChooseResultsView
    chosen_view_class = CheckedChosenView
    chosen_multiple_view_class = CheckedChosenMultipleView


def _editable(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def visible_in_page_chooser(pages, user):
    """``pages`` without the drafts (never published) that ``user`` may not edit, and showing
    live titles instead of draft titles on the pages ``user`` may not edit."""
    if user.is_active and user.is_superuser:
        return pages
    pages = pages.filter(Q(live=True) | Q(pk__in=_editable(user).values("pk")))
    return with_live_titles(pages, user)


def show_live_titles(pages, user) -> None:
    """Give each page ``user`` may not edit its live title as its displayed (draft) title."""
    changed = [
        page for page in pages
        if isinstance(page, Page) and page.live and page.draft_title
        and page.draft_title != page.title
    ]
    if not changed:
        return
    allowed = set(
        _editable(user).filter(pk__in=[page.pk for page in changed]).values_list("pk", flat=True)
    )
    for page in changed:
        if page.pk not in allowed:
            page.draft_title = page.title


class _LiveTitles:
    """A page queryset whose results show live titles to a person who may not edit them. It
    survives the chooser's own narrowing after the hook (``type``, ``specific``, a search), as
    every clone keeps the person."""

    live_titles_user = None

    def _clone(self):
        clone = super()._clone()
        clone.live_titles_user = self.live_titles_user
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self.live_titles_user is not None:
            show_live_titles(self._result_cache, self.live_titles_user)


_live_title_classes: dict[type, type] = {}


def with_live_titles(pages, user):
    """``pages`` (a page queryset) whose pages show ``user`` only the titles they may see."""
    base = type(pages)
    if not issubclass(base, _LiveTitles):
        if base not in _live_title_classes:
            _live_title_classes[base] = type(f"LiveTitles{base.__name__}", (_LiveTitles, base), {})
        pages = pages._chain()
        pages.__class__ = _live_title_classes[base]
    pages.live_titles_user = user
    return pages

