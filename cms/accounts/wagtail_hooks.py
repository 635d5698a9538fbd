"""Focal-point claims in the Wagtail admin: the secretariat approves or rejects each one."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from cms.choosers import PermissionCheckedChooserViewSet

from .models import AgencyClaim
from .services import agency_claim_decide


class AgencyClaimDecisionForm(WagtailAdminModelForm):
    def clean_status(self):
        status = self.cleaned_data["status"]
        if self.instance.pk and AgencyClaim.objects.filter(
            pk=self.instance.pk
        ).exclude(status=AgencyClaim.Status.PENDING).exists():
            raise ValidationError(_("This claim has already been decided."))
        if status == AgencyClaim.Status.PENDING:
            raise ValidationError(_("Approve or reject the claim."))
        return status


class AgencyClaimEditView(EditView):
    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                self.object = agency_claim_decide(
                    claim=form.instance,
                    status=form.cleaned_data["status"],
                    by=self.request.user,
                    note=form.cleaned_data["decision_note"],
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return self.save_action()


class AgencyClaimPermissionPolicy(ModelPermissionPolicy):
    """Claims are made by the people themselves, never created in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AgencyClaim, AgencyClaimPermissionPolicy(AgencyClaim))


class AgencyClaimFilterSet(WagtailFilterSet):
    class Meta:
        model = AgencyClaim
        fields = ["status", "agency__country"]


class AgencyClaimViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = AgencyClaim
    icon = "user"
    menu_label = _("Focal point claims")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["user", "agency", "status", "created_at", "decided_by"]
    search_fields = ["user__email", "user__last_name", "agency__name", "agency__acronym"]
    search_backend_name = None
    filterset_class = AgencyClaimFilterSet
    edit_view_class = AgencyClaimEditView
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("user", read_only=True), FieldPanel("agency", read_only=True)]
            ),
            FieldPanel("statement", read_only=True),
            FieldPanel("status", widget=forms.RadioSelect),
            FieldPanel("decision_note"),
        ],
        base_form_class=AgencyClaimDecisionForm,
    )

    def get_queryset(self, request):
        return AgencyClaim.objects.select_related("user", "agency__country", "decided_by")


register_snippet(AgencyClaimViewSet)


@hooks.register("register_log_actions")
def register_claim_log_actions(actions):
    """The secretariat's decisions on claims, in the admin's history (audit log)."""
    actions.register_action("puente.claim.approved", _("Approve claim"), _("Claim approved"))
    actions.register_action("puente.claim.rejected", _("Reject claim"), _("Claim rejected"))
