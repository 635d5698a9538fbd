"""Addresses outside the language prefixes: /sitemap.xml, /sitemap-<section>.xml, /robots.txt."""

from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap, name="publishing_sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section,
         name="publishing_sitemap_section"),
    path("robots.txt", views.robots, name="publishing_robots"),
]
