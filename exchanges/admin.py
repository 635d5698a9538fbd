"""The secretariat's workspace in the Wagtail admin: the listing of requests with filters, each
request's rubric, actions and audit trail, and the indicators with their CSV export. Registered
in ``wagtail_hooks.py``.

Nothing here changes a state by itself: the actions call ``workflow.transition``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

import django_filters

from cms.accounts import roles
from cms.directory.models import Country, Network, Theme
from cms.downloads import csv_response
from cms.refusals import Refusal, refused_to_page

from . import permissions, services, workflow
from .forms import ReviewForm, TransitionForm
from .indicators import csv_rows, indicators
from .models import ExchangeRequest, Modality, State, Transition


class WorkspacePermissionPolicy(BasePermissionPolicy):
    """The secretariat may look; nobody edits a request here — the workflow does."""

    def user_has_permission(self, user, action):
        return action == "view" and permissions.may_use_workspace(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and permissions.may_use_workspace(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=roles.SECRETARIAT))
            .filter(is_active=True)
            .distinct()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return permissions.visible_requests(user)
        return ExchangeRequest.objects.none()


class ExchangeRequestFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), method="filter_country"
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.all(), field_name="themes"
    )
    modality = django_filters.ChoiceFilter(
        label=_("Modality"), choices=Modality.choices, method="filter_modality"
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"), queryset=Network.objects.all(), method="filter_network"
    )
    period = django_filters.DateFromToRangeFilter(
        label=_("Proposed start"), field_name="period_start", widget=DateRangePickerWidget
    )

    class Meta:
        model = ExchangeRequest
        fields: list[str] = []

    def filter_country(self, queryset, name, value):
        return queryset.filter(
            Q(requesting_agency__country=value) | Q(provider_agency__country=value)
        )

    def filter_modality(self, queryset, name, value):
        return queryset.filter(activities__modality=value).distinct()

    def filter_network(self, queryset, name, value):
        members = value.members.values("pk")
        return queryset.filter(Q(requesting_agency__in=members) | Q(provider_agency__in=members))


class RequestIndexView(IndexView):
    def get_base_queryset(self):
        # Drafts belong to the requesting agency alone, even in the admin.
        return permissions.visible_requests(self.request.user).select_related(
            "requesting_agency__country", "provider_agency__country"
        )


class RequestInspectView(InspectView):
    template_name = "exchanges/admin/inspect.html"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not permissions.may_view(self.request.user, obj):
            raise PermissionDenied
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        req, user = self.object, self.request.user
        context.update(
            exchange=req,
            actions=workflow.available_actions(req, user),
            review_form=ReviewForm() if permissions.may_review(user, req) else None,
            reviews=req.reviews.select_related("reviewer"),
            transitions=Transition.objects.filter(request=req).select_related("by"),
            action_url=reverse("exchanges_admin:act", args=[req.pk]),
            review_url=reverse("exchanges_admin:review", args=[req.pk]),
            suggestions_url=reverse("exchanges:suggestions", args=[req.pk])
            if permissions.may_see_suggestions(user, req)
            else None,
        )
        return context


class ExchangeRequestViewSet(ModelViewSet):
    model = ExchangeRequest
    icon = "group"
    menu_label = _("Exchange requests")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "exchanges"
    url_namespace = "exchanges_admin"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    filterset_class = ExchangeRequestFilterSet
    list_display = [
        "title",
        Column("requesting_agency", label=_("Requesting agency")),
        Column("provider_agency", label=_("Provider agency")),
        Column("state", label=_("State"), accessor="get_state_display"),
        Column("updated_at", label=_("Updated")),
    ]
    inspect_view_fields = [
        "requesting_agency",
        "title",
        "problem",
        "need",
        "objectives",
        "expected_results",
        "preferred_country",
        "preferred_agency",
        "period_start",
        "period_end",
        "participants",
        "budget_travel",
        "budget_per_diem",
        "provider_agency",
        "state",
    ]
    form_fields = ["title"]  # required by ModelViewSet; the edit view is never allowed

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/act/", act, name="act"),
            path("<int:pk>/review/", review, name="review"),
            path("indicators/", indicators_view, name="indicators"),
        ]


def _workspace_request(request, pk) -> ExchangeRequest:
    req = get_object_or_404(ExchangeRequest, pk=pk)
    if not (
        permissions.may_use_workspace(request.user) and permissions.may_view(request.user, req)
    ):
        raise PermissionDenied
    return req


def refused_to_inspect(view):
    """A workspace action's refusal: its message flashed, back to the request's inspect page."""

    @wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        try:
            return view(request, pk, *args, **kwargs)
        except Refusal as refusal:
            return refused_to_page(request, refusal, "exchanges_admin:inspect", pk)

    return wrapped


@require_POST
@refused_to_inspect
def act(request, pk):
    req = _workspace_request(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid() or workflow.button_action(form.cleaned_data["action"]) is None:
        messages.error(request, _("The action could not be read; reload the page and try again."))
        return redirect("exchanges_admin:inspect", req.pk)
    workflow.transition(
        req,
        form.cleaned_data["action"],
        by=request.user,
        comment=form.cleaned_data["comment"],
        expected_version=form.cleaned_data["version"],
        open_to_offers=form.cleaned_data["open_to_offers"],
    )
    messages.success(request, _("Done."))
    return redirect("exchanges_admin:inspect", req.pk)


@require_POST
def review(request, pk):
    req = _workspace_request(request, pk)
    if not permissions.may_review(request.user, req):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.review_record(req=req, by=request.user, form=form)
        messages.success(request, _("The review was recorded."))
    else:
        messages.error(request, _("Give each criterion a score from 1 to 5."))
    return redirect("exchanges_admin:inspect", req.pk)


class WorkspaceMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_use_workspace(request.user)


def indicators_view(request):
    """The indicators page of the workspace, and its CSV export."""
    if not permissions.may_use_workspace(request.user):
        raise PermissionDenied
    if request.GET.get("format") == "csv":
        return csv_response("exchanges.csv", csv_rows())
    return render(request, "exchanges/admin/indicators.html", {"data": indicators()})
