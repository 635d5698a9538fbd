"""Registrations only: who may manage each row type, and the admin menu group (admin.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import PoliticalDialogueGroup, permission_policies

for _model, _policy in permission_policies():
    register_permission_policy(_model, _policy)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PoliticalDialogueGroup()
