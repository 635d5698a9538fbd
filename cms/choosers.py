"""Admin choosers that obey the listing's permission (issue 16, point 4).

Wagtail's snippet chooser (``/admin/snippets/choose/<app>/<model>/``, its ``results/`` and
``chosen/<pk>/``) lists every row to anyone who may open the admin: focal points, instructors
and editors could read every enrolment, claim, certificate and registration. A snippet
viewset of personal data sets ``chooser_viewset_class = PermissionCheckedChooserViewSet``: its
chooser shows only the rows its permission policy lets the person list (the same actions as the
listing). The page chooser (and so the move view) is narrowed by the
``construct_page_chooser_queryset`` hook in ``cms/pages/wagtail_hooks.py``: a page that is not
live is shown only to people who may edit it.
"""

from __future__ import annotations

from django.db.models import Q

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


def visible_in_page_chooser(pages, user):
    """``pages`` without the drafts (never published) that ``user`` may not edit."""
    if user.is_active and user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))

