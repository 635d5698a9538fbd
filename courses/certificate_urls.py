"""Public certificate verification, outside the language prefix so that printed codes and
Open Badges identifiers keep one stable address (included by cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("issuer.json", views.certificate_issuer, name="certificate_issuer"),
    path(
        "badges/<str:kind>/<int:pk>.json", views.certificate_badge_class,
        name="certificate_badge_class",
    ),
    path("<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("<str:code>/assertion.json", views.certificate_assertion, name="certificate_assertion"),
]
