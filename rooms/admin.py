"""Rooms in the Wagtail admin: the secretariat creates standalone rooms and works through the
moderation queue (reported messages). Instructors moderate their own rooms from the room page.
Registered in ``wagtail_hooks.py``."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms.refusals import Refusal, refused_to_page

from . import services
from .models import MessageReport, Room


class RoomForm(WagtailAdminModelForm):
    class Meta:
        model = Room
        fields = ["title", "language", "members", "locked"]
        widgets = {"members": forms.SelectMultiple(attrs={"size": 12})}

    def clean_members(self):
        members = self.cleaned_data["members"]
        if self.instance.pk and not self.instance.is_standalone and members:
            raise ValidationError(
                _("This room belongs to a parent, which decides who may enter.")
            )
        return members


class RoomCreateView(CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        return instance


class RoomViewSet(ModelViewSet):
    model = Room
    add_view_class = RoomCreateView
    icon = "group"
    menu_label = _("Rooms")
    list_display = ["title", "kind", "locked", "created_at"]
    list_filter = ["kind", "locked"]
    search_fields = ["title"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return RoomForm


class ReportDecisionForm(WagtailAdminModelForm):
    class Meta:
        model = MessageReport
        fields = ["status"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == MessageReport.Status.OPEN:
            raise ValidationError(_("Hide the message or dismiss the report."))
        if MessageReport.objects.filter(pk=self.instance.pk).exclude(
            status=MessageReport.Status.OPEN
        ).exists():
            raise ValidationError(_("This report has already been dealt with."))
        return status


class ReportEditView(EditView):
    def form_valid(self, form):
        self.form = form
        report = MessageReport.objects.select_related("message__room").get(pk=form.instance.pk)
        try:
            with transaction.atomic():
                if form.cleaned_data["status"] == MessageReport.Status.HIDDEN:
                    services.message_hide(message=report.message, by=self.request.user)
                else:
                    services.report_dismiss(report=report, by=self.request.user)
        except Refusal as refusal:
            return refused_to_page(
                self.request, refusal, reverse("room_reports:edit", args=[report.pk])
            )
        self.object = MessageReport.objects.get(pk=report.pk)
        return self.save_action()


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Members report messages from the room; nobody creates or deletes reports in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


class ReportViewSet(ModelViewSet):
    model = MessageReport
    edit_view_class = ReportEditView
    icon = "warning"
    menu_label = _("Moderation queue")
    list_display = ["__str__", "message", "reporter", "reason", "status", "created_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return ReportDecisionForm

    def get_queryset(self, request):
        return MessageReport.objects.select_related("message__author", "message__room", "reporter")


class RoomsViewSetGroup(ViewSetGroup):
    menu_label = _("Rooms")
    menu_icon = "group"
    menu_order = 320
    items = (RoomViewSet("room_admin"), ReportViewSet("room_reports"))
