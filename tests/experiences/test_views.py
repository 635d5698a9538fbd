import time

import pytest

from tests.factories import AgencyFactory, CountryFactory, ThemeFactory


@pytest.fixture
def catalogue(publish, cash_transfers, peru):
    brazil = CountryFactory(code="BR", name_en="Brazil", name_es="Brasil")
    inspection = ThemeFactory(slug="labour-inspection", name_en="Labour inspection")
    pages = {
        "juntos": publish(
            "es",
            title="Programa Juntos: transferencias condicionadas",
            summary="Transferencias monetarias a hogares rurales con niños.",
            agency=AgencyFactory(country=peru, acronym="MIDIS"),
            country=peru,
            themes=[cash_transfers],
            start_year=2005,
        ),
        "cadastro": publish(
            "pt",
            title="Cadastro Único para focalizar transferências",
            summary="Registro social de famílias de baixa renda.",
            agency=AgencyFactory(country=brazil, acronym="MDS"),
            country=brazil,
            themes=[cash_transfers],
            start_year=2003,
        ),
        "escravo": publish(
            "pt",
            title="Fiscalização móvel contra o trabalho escravo",
            summary="Auditores resgatam trabalhadores rurais em migração.",
            agency=AgencyFactory(country=brazil, acronym="MTE"),
            country=brazil,
            themes=[inspection],
            start_year=1995,
        ),
    }
    return pages


def _facet(response, name):
    return {f.value: f.count for f in response.context["results"].facets[name]}


def test_library_lists_every_live_experience_with_facets(client, catalogue):
    response = client.get("/en/experiences/")
    assert response.status_code == 200
    assert response.context["results"].total == 3
    assert _facet(response, "country") == {"BR": 2, "PE": 1}
    assert _facet(response, "language") == {"pt": 2, "es": 1}
    assert "Cadastro Único" in response.content.decode()


def test_facet_counts_apply_the_other_filters_but_not_their_own(client, catalogue):
    response = client.get("/en/experiences/?country=BR&theme=cash-transfers")
    results = response.context["results"]
    assert [h.page_id for h in results.hits] == [catalogue["cadastro"].pk]
    # Countries counted with the theme filter only: Peru stays selectable.
    assert _facet(response, "country") == {"BR": 1, "PE": 1}
    # Themes counted with the country filter only.
    assert _facet(response, "theme") == {"cash-transfers": 1, "labour-inspection": 1}
    chips = [c["label"] for c in response.context["chips"]]
    assert "Brazil" in chips and "Cash transfers" in chips


def test_text_search_folds_accents_and_highlights(client, catalogue):
    response = client.get("/es/experiences/?q=migracao")
    hits = response.context["results"].hits
    assert [h.page_id for h in hits] == [catalogue["escravo"].pk]
    assert "<mark>migração</mark>" in hits[0].snippet


def test_year_range_and_newest_sort(client, catalogue):
    response = client.get("/en/experiences/?year_from=2000&sort=newest")
    assert [h.page_id for h in response.context["results"].hits] == [
        catalogue["juntos"].pk,
        catalogue["cadastro"].pk,
    ]


def test_no_results_state_offers_suggestions(client, catalogue):
    response = client.get("/fr/experiences/?q=zzzzqqq")
    assert response.status_code == 200
    assert response.context["results"].total == 0
    assert 'class="no-results"' in response.content.decode()


def test_pagination_links(client, publish):
    for n in range(12):
        publish(title=f"Experience number {n}")
    response = client.get("/en/experiences/?page=2")
    assert len(response.context["results"].hits) == 2
    assert response.context["previous_url"] == "?page=1"
    assert response.context["next_url"] is None


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "migración " * 1000}, 200),
        ({"q": '"(:*\\~ AND OR NEAR('}, 200),
        ({"q": "социальная защита 社会保障 proteção social"}, 200),
        ({"country": "XX"}, 400),
        ({"theme": "no-such-theme"}, 400),
        ({"page": "-3"}, 400),
        ({"page": "999999999999"}, 400),
        ({"year_from": "abc"}, 400),
        ({"sort": "random()"}, 400),
        ({"page": "40"}, 200),
    ],
)
def test_bad_input_never_fails(client, catalogue, params, status):
    # The CPU this thread spends on the request (the test client and SQLite run in it): a wall
    # clock also counted whatever else the two cores were doing (seen failing under load).
    client.get("/en/experiences/")  # templates compiled, caches filled: not the input's cost
    started = time.thread_time()
    response = client.get("/en/experiences/", params)
    assert time.thread_time() - started < 1
    assert response.status_code == status
    if status == 400:
        assert 'role="alert"' in response.content.decode()


def test_library_query_count_does_not_grow_with_results(
    client, publish, django_assert_max_num_queries
):
    for n in range(3):
        publish(title=f"Small {n}")
    with django_assert_max_num_queries(15):
        client.get("/en/experiences/?q=small&country=PE")
    for n in range(12):
        publish(title=f"Small more {n}", themes=[ThemeFactory()])
    with django_assert_max_num_queries(15):
        response = client.get("/en/experiences/?q=small")
    assert response.context["results"].total == 15


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "Buscar experiencias"), ("fr", "Rechercher des expériences"),
     ("pt", "Buscar experiências"), ("en", "Search experiences")],
)
def test_library_speaks_the_readers_language(client, libraries, language, text):
    response = client.get(f"/{language}/experiences/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_a_misspelt_query_says_what_it_searched_for(client, publish):
    publish(language="es", title="Política de migración laboral", summary="Migración y trabajo")
    html = client.get("/es/experiences/", {"q": "migracoin"}).content.decode()
    assert "Política de migración laboral" in html
    assert 'class="corrected" role="status"' in html and "<strong>migracion</strong>" in html
    api = client.get("/api/experiences/search", {"q": "migracoin"}).json()
    assert api["corrected"] == "migracion" and api["total"] == 1
    # A query spelt right is not "corrected".
    exact = client.get("/es/experiences/", {"q": "migración"}).content.decode()
    assert 'class="corrected"' not in exact
