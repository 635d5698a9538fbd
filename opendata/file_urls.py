"""Language-neutral files: the downloads and the DCAT catalogue (included at /data/)."""

from django.urls import path

from . import views

app_name = "opendata_files"

urlpatterns = [
    path("catalog.jsonld", views.catalog_jsonld, name="catalog"),
    path("<slug:slug>.<str:fmt>", views.download, name="download"),
]
