"""/<lang>/feeds/<name>.xml (RSS 2.0) and /<lang>/feeds/<name>.atom (Atom), per language."""

from django.urls import path

from .feeds import feed_view

app_name = "publishing"
urlpatterns = [
    path("feeds/<slug:name>.xml", feed_view, name="feed"),
    path("feeds/<slug:name>.atom", feed_view, {"atom": True}, name="atom_feed"),
]
