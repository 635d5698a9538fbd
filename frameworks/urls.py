"""Language-prefixed pages of this app, under the index page's slug (included by cms/urls.py
before Wagtail's page serving; the index and framework pages themselves are Wagtail pages)."""

from django.urls import path

from . import views

app_name = "frameworks"

urlpatterns = [
    path("legal-frameworks/countries/", views.country_choose, name="country_choose"),
    path("legal-frameworks/countries/<str:iso2>/", views.country_profile, name="country"),
    path("legal-frameworks/compare/", views.compare, name="compare"),
    path("legal-frameworks/reports/<int:pk>/", views.report, name="report"),
    path("legal-frameworks/reports/<int:pk>/upload/", views.report_upload, name="report_upload"),
    path("legal-frameworks/reports/<int:pk>/files/<int:file_pk>/", views.report_file,
         name="report_file"),
    path("legal-frameworks/reports/<int:pk>/<slug:action>/", views.report_transition,
         name="report_transition"),
]
