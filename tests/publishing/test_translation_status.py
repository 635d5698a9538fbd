"""Admin › Reports › Translation status: missing, draft and out-of-date translations."""

import datetime

from django.utils import timezone

import pytest

from cms.publishing import translation_status
from tests.factories import StandardPageFactory, focal_point_for

pytestmark = pytest.mark.django_db
URL = "/admin/reports/translation-status/"


def statuses(page) -> dict[str, str]:
    source = translation_status.sources().get(pk=page.pk)
    return {cell["code"]: cell["status"] for cell in translation_status.cells(source)}


def test_missing_draft_outdated_and_current(about, home_pages):
    assert statuses(about) == {"en": "source", "es": "current", "fr": "current",
                               "pt": "missing"}
    french = about.get_translation(home_pages["fr"].locale)
    french.unpublish()
    spanish = about.get_translation(home_pages["es"].locale)
    type(spanish).objects.filter(pk=spanish.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=3)
    )
    about.save_revision().publish()  # the source changes after the Spanish translation
    assert statuses(about) == {"en": "source", "es": "outdated", "fr": "draft",
                               "pt": "missing"}


def test_fully_translated_pages_are_not_listed(about, home_pages):
    ids = set(translation_status.sources().values_list("pk", flat=True))
    assert about.pk in ids
    assert home_pages["en"].pk not in ids  # the homes exist in every language, up to date
    assert home_pages["es"].pk not in ids  # a translation is never a source


def test_filters_by_language_and_status(about, home_pages):
    spanish_only = StandardPageFactory(parent=home_pages["es"], title="Solo", slug="solo")
    in_portuguese = set(translation_status.sources(language="pt").values_list("pk", flat=True))
    assert {about.pk, spanish_only.pk} <= in_portuguese
    in_french = set(translation_status.sources(language="fr").values_list("pk", flat=True))
    assert about.pk not in in_french and spanish_only.pk in in_french
    assert not translation_status.sources(status="outdated").exists()


def test_report_links_to_simple_translation_for_a_missing_one(client, editor, about):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "About" in html
    assert f'href="/admin/translation/submit/page/{about.pk}/"' in html
    # editors may follow it (the permission is granted to their role)
    assert client.get(f"/admin/translation/submit/page/{about.pk}/").status_code == 200


def test_bad_filters_get_a_clear_400(client, secretariat, about):
    client.force_login(secretariat)
    response = client.get(URL, {"language": "de", "status": "lost"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose one of the site languages." in html
    assert "Choose one of the statuses." in html


@pytest.mark.parametrize("role", ["anonymous", "learner", "focal_point", "instructor",
                                  "editor", "secretariat"])
def test_only_editors_and_the_secretariat_see_the_report(client, role, request, agency):
    expected = {"editor": 200, "secretariat": 200}.get(role)
    if role == "focal_point":
        client.force_login(focal_point_for(agency))
    elif role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    if expected:
        assert response.status_code == expected
    else:
        assert response.status_code in (302, 403)
        assert "Translation status" not in response.content.decode()


def test_report_query_count_is_constant(client, editor, home_pages,
                                        django_assert_max_num_queries):
    for index in range(3):
        StandardPageFactory(parent=home_pages["en"], title=f"Page {index}")
    client.force_login(editor)
    client.get(URL)
    with django_assert_max_num_queries(30) as queries:
        client.get(URL)
    budget = len(queries)
    for index in range(3, 40):
        StandardPageFactory(parent=home_pages["en"], title=f"Page {index}")
    client.get(URL)  # cached answers follow the new tree version
    with django_assert_max_num_queries(budget):
        response = client.get(URL)
    assert "Page 39" in response.content.decode()
