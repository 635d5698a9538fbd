"""Keep the search index in step with the page tree (after the transaction commits)."""

from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing


def on_page_changed(sender, instance, **kwargs):
    indexing.schedule([instance.pk])


def on_page_moved(sender, instance, **kwargs):
    # A move changes the URL of the page and of everything below it.
    ids = [instance.pk, *Page.objects.descendant_of(instance).values_list("pk", flat=True)]
    indexing.schedule(ids)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.schedule([instance.pk])


def register() -> None:
    page_published.connect(on_page_changed, dispatch_uid="puente_search_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="puente_search_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="puente_search_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="puente_search_deleted")
