"""Language-prefixed catalogue pages (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("data/", views.catalogue_page, name="catalogue"),
    path("data/<slug:slug>/", views.dataset_page, name="dataset"),
]
