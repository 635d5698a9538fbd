from django.core.management import call_command

import pytest

from search.models import SearchDocument
from tests.factories.experiences import ExperienceIndexPageFactory


def test_publish_indexes_and_unpublish_removes(publish, django_capture_on_commit_callbacks):
    page = publish(title="Registro social de hogares")
    assert SearchDocument.objects.filter(pk=page.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not SearchDocument.objects.filter(pk=page.pk).exists()


def test_delete_removes_from_index(publish, django_capture_on_commit_callbacks):
    page = publish(title="To be deleted")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not SearchDocument.objects.filter(pk=page.pk).exists()


def test_rolled_back_publish_does_not_touch_the_index(publish, libraries):
    page = publish(title="Original title")
    # Without a commit, on_commit callbacks never run.
    page.title = "Changed but never committed"
    page.save_revision().publish()
    assert SearchDocument.objects.get(pk=page.pk).title == "Original title"


def test_move_updates_urls(publish, home_pages, django_capture_on_commit_callbacks):
    page = publish(title="Moving experience")
    other = ExperienceIndexPageFactory(parent=home_pages["en"], slug="archive", title="Archive")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    assert SearchDocument.objects.get(pk=page.pk).url == f"/en/archive/{page.slug}/"


def test_rebuild_command_reports_throughput(publish, capsys):
    publish(title="First")
    publish(title="Second")
    SearchDocument.objects.all().delete()
    call_command("search_index", "--rebuild")
    out = capsys.readouterr().out
    assert "documents/s" in out
    assert SearchDocument.objects.filter(kind="experiences.experiencepage").count() == 2


def test_command_needs_rebuild_flag(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("search_index")


def test_pages_with_stream_fields_are_indexed_with_their_text(
    home_pages, django_capture_on_commit_callbacks
):
    from tests.factories import StandardPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(
            parent=home_pages["en"],
            title="Networks",
            body=[("paragraph", "<p>Inter-American Social Protection Network</p>")],
        )
        page.save_revision().publish()
    assert "Social Protection Network" in SearchDocument.objects.get(pk=page.pk).body
