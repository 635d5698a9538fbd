"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    # Served here rather than through Wagtail's tree walk: same page, a third of the queries.
    path("experiences/", views.library, name="experience_library"),
]
