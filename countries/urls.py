"""Language-prefixed pages of the country profiles (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "countries"

urlpatterns = [
    path("countries/", views.index, name="index"),
    path("countries/<str:code>/", views.profile, name="profile"),
]
