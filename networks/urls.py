"""Language-prefixed pages of the networks (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("networks/", views.index, name="index"),
    path("networks/my-consent/", views.consent, name="consent"),
    path("networks/memberships/<int:pk>/decide/", views.decide, name="decide"),
    path("networks/<slug:slug>/", views.detail, name="detail"),
    path("networks/<slug:slug>/join/", views.join, name="join"),
    path("networks/<slug:slug>/members/", views.members, name="members"),
    path("networks/<slug:slug>/announcements/", views.announcements, name="announcements"),
    path("networks/<slug:slug>/room/", views.room, name="room"),
]
