"""A database built before experiences had their own app migrates forward without loss.

The data is made twice over: pages published, revised, indexed and linked from an exchange with
today's code, then taken back to the schema of the time (``puente_search`` 0007: migrating
backwards renames the tables and content types back), plus one experience and its index row
written at that schema with its historical models. Migrating forward must keep every page, row
and content type, and the pages must still serve.
"""

import datetime

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, Revision

import pytest

from exchanges.models import ExchangeRequest, State
from experiences.models import ExperienceIndexPage, ExperiencePage
from search.models import SearchDocument
from tests.factories import PopulationGroupFactory
from tests.factories.exchanges import request_in

# The schema just before the move: experiences in ``puente_search``, none in ``experiences``.
BEFORE = [
    ("experiences", None),
    ("exchanges", "0002_withdrawn_state"),
    ("puente_search", "0007_gin_pending_list"),
]
OLD_TABLES = [
    "puente_search_experiencepage",
    "puente_search_experiencepage_themes",
    "puente_search_experiencepage_population_groups",
    "puente_search_experienceindexpage",
]
NEW_TABLES = [name.replace("puente_search_", "experiences_") for name in OLD_TABLES]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _forward() -> None:
    """Migrate to the latest schema, then learn every content type again: the cache held the
    old labels, and a cold cache would make the next test's restore create content types
    before their rows come back (see tests/conftest.py)."""
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _experience_page_fk() -> tuple[str, str]:
    """The table and column ``exchanges_exchangerequest.experience_page_id`` references."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, ExchangeRequest._meta.db_table
        )
    (target,) = [
        c["foreign_key"]
        for c in constraints.values()
        if c["foreign_key"] and c["columns"] == ["experience_page_id"]
    ]
    return target


def _next_child_path(pages, parent) -> str:
    """Treebeard's path of a new last child (steps of four base-36 digits)."""
    last = pages.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path")
    step = int(last[0].path[-4:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    encoded = ""
    while step:
        step, rest = divmod(step, 36)
        encoded = digits[rest] + encoded
    return parent.path + encoded.rjust(4, "0")


def _add_at_old_schema(apps, library_pk: int, country_id: int, theme_id: int) -> int:
    """An experience and its index row written with the models of the old schema."""
    OldPage = apps.get_model("wagtailcore", "Page")
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldLibrary = apps.get_model("puente_search", "ExperienceIndexPage")
    OldExperience = apps.get_model("puente_search", "ExperiencePage")
    OldDocument = apps.get_model("puente_search", "SearchDocument")
    library = OldLibrary.objects.get(pk=library_pk)
    now = timezone.now()
    page = OldExperience.objects.create(
        title="Ventanilla única de protección social",
        draft_title="Ventanilla única de protección social",
        slug="ventanilla-unica",
        path=_next_child_path(OldPage.objects.all(), library),
        depth=library.depth + 1,
        numchild=0,
        url_path=f"{library.url_path}ventanilla-unica/",
        content_type=OldContentType.objects.get(app_label="puente_search", model="experiencepage"),
        locale_id=library.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        summary="Una sola puerta para todos los programas sociales.",
        country_id=country_id,
        start_year=2016,
        original_language="en",
        problem="<p>Families queued at five offices.</p>",
        actions="<p>One office now serves every programme.</p>",
        last_verified=datetime.date(2025, 5, 1),
    )
    OldExperience.themes.through.objects.create(experiencepage_id=page.pk, theme_id=theme_id)
    OldPage.objects.filter(pk=library.pk).update(numchild=library.numchild + 1)
    document = OldDocument.objects.create(
        page_id=page.pk,
        kind="puente_search.experiencepage",
        language="en",
        title=page.title,
        summary=page.summary,
        url=f"/en/experiences/{page.slug}/",
        country_id=country_id,
        year=2016,
        published_at=now,
    )
    document.themes.add(theme_id)
    return page.pk


@pytest.mark.django_db(transaction=True)
def test_an_existing_database_migrates_forward_without_loss(publish, libraries, cash_transfers):
    elders = PopulationGroupFactory(slug="older-persons", name_en="Older persons")
    published = [
        publish(
            title="Cuidados de largo plazo", themes=[cash_transfers], population_groups=[elders]
        ),
        publish("es", title="Pensión para adultos mayores", themes=[cash_transfers]),
    ]
    draft = published[0].copy(
        to=libraries["en"], update_attrs={"slug": "a-draft", "title": "A draft"}, keep_live=False
    )
    draft.save_revision()
    closed = request_in(State.CLOSED)
    ExchangeRequest.objects.filter(pk=closed.pk).update(experience_page=published[1])
    experience_types = {
        ct.pk: ct.model
        for ct in ContentType.objects.filter(
            app_label="experiences", model__in=["experiencepage", "experienceindexpage"]
        )
    }
    pages = dict(
        Page.objects.filter(content_type__in=experience_types).values_list("pk", "content_type")
    )
    revisions = Revision.objects.filter(content_type__in=experience_types).count()
    documents = dict(SearchDocument.objects.values_list("pk", "kind"))
    themes = {p.pk: {t.pk for t in p.specific.themes.all()} for p in published}
    assert len(pages) == 4 + 3 and revisions >= 3 and len(documents) >= 2

    try:
        # Back to the schema of the time: tables, content types and index kinds as they were.
        executor = _migrate(BEFORE)
        assert set(OLD_TABLES) <= _tables() and not set(NEW_TABLES) & _tables()
        assert _experience_page_fk() == ("puente_search_experiencepage", "page_ptr_id")
        assert set(
            ContentType.objects.filter(pk__in=experience_types).values_list("app_label", flat=True)
        ) == {"puente_search"}
        assert SearchDocument.objects.filter(kind="puente_search.experiencepage").count() == 2
        old_apps = executor.loader.project_state(BEFORE[1:]).apps
        added = _add_at_old_schema(
            old_apps, libraries["en"].pk, published[0].country_id, cash_transfers.pk
        )
    finally:
        _forward()

    # Every table renamed, every content type moved (same ids), every row still there.
    assert set(NEW_TABLES) <= _tables() and not set(OLD_TABLES) & _tables()
    assert _experience_page_fk() == ("experiences_experiencepage", "page_ptr_id")
    assert {
        (ct.pk, ct.model)
        for ct in ContentType.objects.filter(app_label="experiences")
        if ct.model in ("experiencepage", "experienceindexpage")
    } == set(experience_types.items())
    assert not ContentType.objects.filter(app_label="puente_search", model__startswith="experience")
    assert dict(
        Page.objects.filter(pk__in=pages).values_list("pk", "content_type")
    ) == pages
    assert ExperienceIndexPage.objects.count() == 4
    assert set(ExperiencePage.objects.values_list("pk", flat=True)) == {
        *(pk for pk, ct in pages.items() if experience_types[ct] == "experiencepage"),
        added,
    }
    assert Revision.objects.filter(content_type__in=experience_types).count() == revisions
    for page in published:
        assert {t.pk for t in ExperiencePage.objects.get(pk=page.pk).themes.all()} == themes[
            page.pk
        ]
    assert list(ExperiencePage.objects.get(pk=published[0].pk).population_groups.all()) == [elders]
    assert ExchangeRequest.objects.get(pk=closed.pk).experience_page == published[1]
    moved = {**documents, added: "puente_search.experiencepage"}
    assert dict(SearchDocument.objects.values_list("pk", "kind")) == {
        pk: kind.replace("puente_search.", "experiences.") for pk, kind in moved.items()
    }
    assert SearchDocument.objects.get(pk=added).themes.get() == cash_transfers

    # The pages serve: each experience (the one written at the old schema too), and the
    # library finds them through the index under their new kind.
    client = Client()
    for pk in (published[0].pk, published[1].pk, added):
        page = ExperiencePage.objects.get(pk=pk)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    library = client.get("/en/experiences/")
    assert library.status_code == 200
    assert library.context["results"].total == 3  # every live experience, in any language
    assert "Ventanilla única" in library.content.decode()


def _census() -> dict:
    """Every row the move touches, as comparable values."""
    with connection.cursor() as cursor:
        counts = {}
        for table in NEW_TABLES if set(NEW_TABLES) <= _tables() else OLD_TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - constant names
            counts[table.replace("puente_search_", "")] = cursor.fetchone()[0]
    return {
        "rows": counts,
        "pages": dict(Page.objects.values_list("pk", "content_type")),
        "revisions": Revision.objects.count(),
        "documents": {
            pk: kind.replace("puente_search.", "experiences.")
            for pk, kind in SearchDocument.objects.values_list("pk", "kind")
        },
        "types": dict(ContentType.objects.values_list("pk", "model")),
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_data_migrates_forward_and_every_experience_serves(home_pages):
    import io

    from cms.directory import demo as directory_demo
    from experiences import demo

    directory_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    before = _census()
    assert before["rows"]["experiences_experiencepage"] >= 55
    try:
        _migrate(BEFORE)
        assert _census()["rows"] == {
            name.replace("experiences_", ""): n for name, n in before["rows"].items()
        }
    finally:
        _forward()
    assert _census() == before

    client = Client()
    live = ExperiencePage.objects.live()
    assert live.count() == before["rows"]["experiences_experiencepage"]
    for page in live:
        assert client.get(page.url).status_code == 200, page.url
    for language in ("en", "es", "fr", "pt"):
        response = client.get(f"/{language}/experiences/")
        assert response.context["results"].total == live.count()
