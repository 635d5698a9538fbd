"""Experiences leave this app for ``experiences``: nothing is copied, everything is renamed.

- the tables (``puente_search_experiencepage`` and its two many-to-many tables,
  ``puente_search_experienceindexpage``) become ``experiences_…``;
- the two content types change app label, keeping their ids: every page row
  (``wagtailcore_page.content_type``), revision, permission and log entry keeps pointing at them;
- the index rows' ``kind`` follows the new label, and the index version changes so that no
  cached answer keeps the old one.

The models left this app's state in ``experiences`` 0001 (created there, state only).
"""

from django.db import migrations

MODELS = ("experiencepage", "experienceindexpage")
OLD, NEW = "puente_search", "experiences"


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    SearchDocument = apps.get_model("puente_search", "SearchDocument")
    for model in MODELS:
        moving = ContentType.objects.filter(app_label=old, model=model).first()
        if moving is None:
            continue
        # A type already created under the new label (never used by a page: it cannot have
        # been, before this migration) gives way to the one every row points at.
        ContentType.objects.filter(app_label=new, model=model).delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
        SearchDocument.objects.filter(kind=f"{old}.{model}").update(kind=f"{new}.{model}")
    ContentType.objects.clear_cache()
    from search.engines.base import INDEX_VERSION

    INDEX_VERSION.replace()


def forwards(apps, schema_editor):
    _relabel(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _relabel(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("puente_search", "0007_gin_pending_list"),
        ("experiences", "0001_initial"),
        ("exchanges", "0003_experience_page_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("experiencepage", "experiences_experiencepage"),
                migrations.AlterModelTable(
                    "experienceindexpage", "experiences_experienceindexpage"
                ),
            ],
            state_operations=[
                migrations.DeleteModel("experiencepage"),
                migrations.DeleteModel("experienceindexpage"),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
