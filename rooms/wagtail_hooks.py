"""Registrations of the rooms in the Wagtail admin (the views live in ``rooms/admin.py``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import ReportPermissionPolicy, RoomsViewSetGroup
from .models import MessageReport

register_permission_policy(MessageReport, ReportPermissionPolicy(MessageReport))


@hooks.register("register_admin_viewset")
def register_viewset():
    return RoomsViewSetGroup()
