"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "exchanges"

urlpatterns = [
    path("exchanges/", views.public_list, name="public_list"),
    path("exchanges/completed/<int:pk>/", views.public_summary, name="public_summary"),
    path("exchanges/mine/", views.mine, name="mine"),
    path("exchanges/new/", views.create, name="create"),
    path("exchanges/open/", views.open_calls, name="open_calls"),
    path("exchanges/notifications/", views.notifications, name="notifications"),
    path("exchanges/notifications/read/", views.notifications_read, name="notifications_read"),
    path("exchanges/<int:pk>/", views.detail, name="detail"),
    path("exchanges/<int:pk>/edit/", views.edit, name="edit"),
    path("exchanges/<int:pk>/transition/", views.fire, name="fire"),
    path("exchanges/<int:pk>/review/", views.review, name="review"),
    path("exchanges/<int:pk>/suggestions/", views.suggestions, name="suggestions"),
    path("exchanges/<int:pk>/offer/", views.offer, name="offer"),
    path(
        "exchanges/<int:pk>/offers/<int:offer_pk>/accept/", views.offer_accept, name="offer_accept"
    ),
    path("exchanges/<int:pk>/report/", views.report, name="report"),
    path("exchanges/<int:pk>/evaluate/<str:kind>/", views.evaluate, name="evaluate"),
    path(
        "exchanges/<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"
    ),
    path("exchanges/<int:pk>/experience/", views.experience, name="experience"),
]
