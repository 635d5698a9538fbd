"""Fixtures every test module may use: the page tree in four languages and one person per role."""

import json
from io import StringIO

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Locale, Page, Site

import pytest

from cms.accounts import roles
from tests.factories import AgencyFactory, HomePageFactory, UserFactory, focal_point_for


def pytest_collection_modifyitems(config, items):
    """Transactional tests get the migrations' data back (roles, locales, the root page).

    A transactional test empties the database when it ends; serialized rollback restores what
    the migrations created before the next one starts. pytest-django runs these tests last.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and "serialized_rollback" not in marker.kwargs
        ):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


def pytest_report_header(config):
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    layer = settings.CHANNEL_LAYERS["default"]["BACKEND"].rsplit(".", 1)[-1]
    search = "elasticsearch" if settings.ELASTICSEARCH_URL else "database"
    return f"puente: database={engine} channel_layer={layer} search={search}"


@pytest.fixture(scope="session", autouse=True)
def _migration_data(request):
    """What the migrations created, captured at the start of the session.

    Captured before any test can run an event loop in this thread: while one runs (Playwright),
    Django hands out another connection object, without the serialized data, so Django's own
    serialized rollback silently restores nothing."""
    if not any(item.get_closest_marker("django_db") for item in request.session.items):
        return None
    request.getfixturevalue("django_db_setup")
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        contents = connection._test_serialized_contents = _content_types_first(contents)
    return contents


def _content_types_first(contents: str) -> str:
    """The serialized rows with the content types first (the rest in their order).

    Wagtail's ``Task.__init__`` looks up its content type while its row is rebuilt; when a test
    has emptied the content-type cache, that lookup reads the database, and it must find the
    restored row there rather than create one under a new id (tests/cms/test_serialized_rollback).
    """
    rows = json.loads(contents)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


@pytest.fixture(autouse=True)
def _migration_data_for_transactional_tests(request):
    """Belt and braces for serialized rollback: a transactional test that follows one whose
    threads opened their own connections has been seen to start on an emptied database, its
    connection no longer holding the serialized data; reload the migrations' data then."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    contents = request.getfixturevalue("_migration_data")
    request.getfixturevalue("_django_db_helper")
    from django.db import connection

    if contents and not hasattr(connection, "_test_serialized_contents"):
        # Lets this test's own teardown empty the database without re-running post_migrate
        # (which would recreate content types under new ids).
        connection._test_serialized_contents = contents
    if contents and not Page.objects.filter(depth=1).exists():
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.core.management import call_command
        from django.core.management.color import no_style

        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(contents)
        # Rows come back with their ids; move the sequences past them (PostgreSQL).
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        # Content types got new ids when the database was last emptied; forget those, and
        # learn every restored one now: a cold cache makes a signal during the next test's
        # restore create a content type (get_for_model) before its row is restored.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (Wagtail's site root paths, rate-limit slots…)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language.

    Django's LocaleMiddleware activates a request's language and leaves it active in the
    thread: without this, a test ran in whatever language the worker's previous request used.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _email_in_memory(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def home_pages(db):
    """The home page in each site language, the English one as the default site's root."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    english = HomePageFactory(
        parent=root, slug="home", locale=Locale.objects.get(language_code="en")
    )
    homes = {"en": english}
    for code in ("es", "fr", "pt"):
        # What copy_for_translation + publish leave (same key, slug "home-<code>", live), made
        # the English page's way: a third of this fixture's time, and most tests ask for it.
        homes[code] = HomePageFactory(
            parent=root, slug=f"home-{code}", locale=Locale.objects.get(language_code=code),
            translation_key=english.translation_key, title=english.title, intro=english.intro,
        )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": english}
    )
    return homes


@pytest.fixture
def home_page(home_pages):
    return home_pages["en"]


@pytest.fixture
def agency(db):
    return AgencyFactory()


@pytest.fixture
def learner(db):
    return UserFactory(roles=[roles.LEARNER])


@pytest.fixture
def focal_point(agency):
    return focal_point_for(agency)


@pytest.fixture
def instructor(db):
    return UserFactory(roles=[roles.INSTRUCTOR])


@pytest.fixture
def editor(db):
    return UserFactory(roles=[roles.EDITOR])


@pytest.fixture
def secretariat(db):
    return UserFactory(roles=[roles.SECRETARIAT])


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, roles=[])


@pytest.fixture
def seeded_demo(db):
    """The whole demo site, as ``manage.py seed_demo`` loads it (slow: use it once a module)."""
    call_command("seed_demo", stdout=StringIO())
