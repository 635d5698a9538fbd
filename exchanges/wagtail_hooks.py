"""Registrations of the exchanges in the Wagtail admin (the views live in
``exchanges/admin.py``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import ExchangeRequestViewSet, WorkspaceMenuItem, WorkspacePermissionPolicy
from .models import ExchangeRequest

register_permission_policy(ExchangeRequest, WorkspacePermissionPolicy(ExchangeRequest))
exchange_viewset = ExchangeRequestViewSet("exchanges_admin")


@hooks.register("register_admin_viewset")
def register_exchange_viewset():
    return exchange_viewset


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return WorkspaceMenuItem(
        _("Exchange indicators"),
        reverse("exchanges_admin:indicators"),
        icon_name="table",
        order=251,
    )
