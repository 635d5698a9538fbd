"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.site_search, name="site_search"),
]
