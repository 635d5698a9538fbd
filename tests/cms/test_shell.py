"""The site shell: language prefixes, navigation, health check, error pages."""

from django.conf import settings

import pytest

from cms.pages import views as page_views
from cms.pages.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("es-PE,es;q=0.9", "/es/"), ("fr-CA", "/fr/"), ("pt-BR,pt;q=0.8", "/pt/"),
     ("de-DE", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language(client, home_page, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_paths_redirect_to_a_language(client, home_page):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"] == "/es/accounts/login/"


def test_shell_has_landmarks_skip_link_and_language_switcher(client, home_pages):
    about = StandardPageFactory(parent=home_pages["en"], title="About", slug="about",
                                show_in_menus=True)
    acerca = about.copy_for_translation(home_pages["es"].locale)
    acerca.title, acerca.slug = "Acerca", "acerca"
    acerca.save_revision().publish()

    html = client.get("/es/acerca/").content.decode()
    assert '<html lang="es">' in html
    assert '<a class="skip-link" href="#main">Saltar al contenido principal</a>' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'href="/en/about/" hreflang="en"' in html
    assert 'aria-current="true">Español' in html
    assert 'aria-label="Ruta de navegación"' in html
    assert '<a href="/es/acerca/" aria-current="page">Acerca</a>' in html


def test_page_query_count_is_small_and_constant(client, home_page, django_assert_max_num_queries):
    for index in range(3):
        StandardPageFactory(parent=home_page, title=f"Section {index}", show_in_menus=True)
    with django_assert_max_num_queries(15):
        client.get("/en/")
    for index in range(3, 30):
        StandardPageFactory(parent=home_page, title=f"Section {index}", show_in_menus=True)
    with django_assert_max_num_queries(15):
        response = client.get("/en/")
    assert "Section 29" in response.content.decode()


def test_404_is_a_translated_page(client, home_page):
    response = client.get("/fr/nowhere/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_500_page_renders_without_context(rf):
    from django.utils import translation

    with translation.override("en"):
        response = page_views.server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_healthz_reports_database_and_channel_layer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok"}


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the Redis pass of .ci/run)")
def test_healthz_leaves_no_subscription_behind_on_redis():
    """Daphne keeps one event loop: each probe must end its channel, not leave it subscribed."""
    import redis
    from asgiref.sync import async_to_sync

    prefix = settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"]
    server = redis.Redis.from_url(settings.REDIS_URL)

    async def probe_three_times():
        for _ in range(3):
            await page_views._check_channel_layer()
        return server.pubsub_channels(f"{prefix}healthz.*")  # asked while the loop lives

    assert async_to_sync(probe_three_times)() == []


def test_healthz_is_503_when_the_channel_layer_is_down(client, monkeypatch):
    class BrokenLayer:
        async def new_channel(self, prefix):
            raise ConnectionError("redis unreachable")

    monkeypatch.setattr(page_views, "get_channel_layer", lambda: BrokenLayer())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "ok", "channel_layer": "down"}


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("database unreachable")

    monkeypatch.setattr(page_views, "_check_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_editor_creates_a_standard_page_through_the_admin(client, editor, home_page):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(editor)
    url = f"/admin/pages/add/pages/standardpage/{home_page.pk}/"
    data = nested_form_data({
        "title": "Ministerial forums",
        "slug": "forums",
        "intro": "The hemisphere's forums.",
        "body": streamfield([("paragraph", rich_text("<p>Labour ministers meet.</p>"))]),
        "action-publish": "publish",
    })
    response = client.post(url, data)
    assert response.status_code == 302
    page = StandardPage.objects.child_of(home_page).get(slug="forums")
    assert page.live and page.body[0].block_type == "paragraph"


def test_learners_have_no_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code == 302


def _menu(html):
    start = html.index('aria-label="Main"')
    return html[start: html.index("</nav>", start)]


def test_cached_menu_follows_publish_rename_and_unpublish(client, home_page):
    client.get("/en/")  # the shell is now cached
    page = StandardPageFactory(parent=home_page, title="Forums", slug="forums",
                               show_in_menus=True)
    assert 'href="/en/forums/">Forums<' in _menu(client.get("/en/").content.decode())

    page.title = "Ministerial forums"
    page.save_revision().publish()
    menu = _menu(client.get("/en/").content.decode())
    assert ">Ministerial forums<" in menu and ">Forums<" not in menu

    page.unpublish()
    assert "/en/forums/" not in _menu(client.get("/en/").content.decode())


def test_cached_language_links_follow_a_new_translation(client, home_pages):
    about = StandardPageFactory(parent=home_pages["en"], title="About", slug="about")
    # A language the page lacks: the same page, with a notice (issue 17 point 8).
    html = client.get("/en/about/").content.decode()
    assert 'href="/en/about/?untranslated=fr" hreflang="fr"' in html
    apropos = about.copy_for_translation(home_pages["fr"].locale)
    apropos.slug = "a-propos"
    apropos.save_revision().publish()
    assert 'href="/fr/a-propos/" hreflang="fr"' in client.get("/en/about/").content.decode()


def test_admin_link_follows_group_changes_despite_the_permission_cache(client, home_page):
    from django.contrib.auth.models import Group

    from cms.accounts import roles
    from tests.factories import UserFactory

    person = UserFactory(roles=[roles.LEARNER])
    client.force_login(person)
    assert 'href="/admin/"' not in client.get("/en/").content.decode()
    person.groups.add(Group.objects.get(name=roles.EDITOR))
    assert 'href="/admin/"' in client.get("/en/").content.decode()
    person.groups.remove(Group.objects.get(name=roles.EDITOR))
    assert 'href="/admin/"' not in client.get("/en/").content.decode()


def test_edit_link_only_for_people_who_may_edit_the_page(client, home_page, editor,
                                                        focal_point):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    edit = f'href="/admin/pages/{about.pk}/edit/"'
    client.force_login(editor)
    assert edit in client.get("/en/about/").content.decode()
    client.force_login(focal_point)
    assert edit not in client.get("/en/about/").content.decode()


def test_unprefixed_paths_keep_their_404(client, home_page):
    assert client.get("/api/no-such-endpoint").status_code == 404
    assert client.get("/certificates/no-such-code/").status_code == 404
    # Prefixable paths are still redirected to their language.
    assert client.get("/no-such-page/").status_code == 302


def test_cached_edit_link_follows_a_new_page_permission(client, home_page, focal_point):
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission

    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    edit = f'href="/admin/pages/{about.pk}/edit/"'
    client.force_login(focal_point)
    assert edit not in client.get("/en/about/").content.decode()
    group = Group.objects.create(name="About editors")
    focal_point.groups.add(group)
    assert edit not in client.get("/en/about/").content.decode()  # a group without rights
    grant = GroupPagePermission.objects.create(
        group=group, page=about, permission=Permission.objects.get(codename="change_page")
    )
    assert edit in client.get("/en/about/").content.decode()
    grant.delete()
    assert edit not in client.get("/en/about/").content.decode()


def test_view_restrictions_apply_to_cached_routes(client, home_page, learner):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    inner = StandardPageFactory(parent=about, title="Inner", slug="inner")
    assert client.get("/en/about/inner/").status_code == 200  # route and restrictions cached
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/about/inner/")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(learner)
    assert client.get("/en/about/inner/").status_code == 200
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.create(name="Readers")])
    assert client.get("/en/about/inner/").status_code == 302  # not in the group
    learner.groups.add(restriction.groups.get())
    assert client.get(inner.url).status_code == 200
    restriction.delete()
    client.logout()
    assert client.get("/en/about/inner/").status_code == 200


@pytest.mark.parametrize("path", [
    "/es/exchanges/?country=3&page=2", "/fr/my/learning/", "/en/accounts/login/?next=/en/",
    "/pt/courses/", "/en/no-such-page/",
])
def test_language_links_of_app_views_match_djangos_translate_url(client, home_pages, learner,
                                                                  path):
    from django.urls import translate_url
    from django.utils.html import escape

    if "/my/" in path:
        client.force_login(learner)
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code in (200, 404)
    for code in ("en", "es", "fr", "pt"):
        if response.status_code == 404:
            assert f'hreflang="{code}"' in html
            continue
        expected = escape(translate_url(path, code))
        assert f'href="{expected}" hreflang="{code}"' in html
