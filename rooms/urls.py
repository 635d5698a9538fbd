"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "rooms"

urlpatterns = [
    path("rooms/", views.room_index, name="index"),
    path("rooms/<int:room_id>/", views.room_detail, name="detail"),
    path(
        "rooms/<int:room_id>/messages/<int:message_id>/<str:action>/",
        views.message_action,
        name="message_action",
    ),
    path("rooms/<int:room_id>/lock/", views.room_lock_toggle, name="lock"),
    path("rooms/<int:room_id>/reports/<int:report_id>/dismiss/", views.report_dismiss,
         name="report_dismiss"),
    path("rooms/<int:room_id>/promote/", views.thread_promote, name="promote"),
]
