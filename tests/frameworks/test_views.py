"""The pages: index, framework page (status table, counts, chart, downloads, articles),
country profile, comparison; query budgets constant as the data grows."""

import datetime
import json
from string import ascii_uppercase

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.directory.models import Country
from frameworks import services
from frameworks.models import CountryStatus, Standing
from tests.factories import CountryFactory, StandardPageFactory
from tests.factories.frameworks import (
    ArticleFactory,
    CountryStatusFactory,
    NationalReportFactory,
    ReportingCycleFactory,
)

pytestmark = pytest.mark.django_db
BUDGET = 15


def test_framework_page_shows_counts_table_and_chart(client, framework_pages, parties):
    response = client.get("/en/legal-frameworks/a-70/")
    assert response.status_code == 200
    html = response.content.decode()
    counts = response.context["table"].counts
    assert counts == {"signatories": 3, "parties": 3, "pending": 1}
    assert '<caption id="status-caption">' in html and 'scope="row"' in html
    assert 'role="img"' in html and "<desc" in html and 'id="chart-table"' in html
    assert 'href="/en/legal-frameworks/countries/pe/"' in html
    points = response.context["points"]
    assert points[0] == (2016, 2, 2) and points[-1][2] == 3


def test_status_table_filters_and_sorts(client, framework_pages, parties):
    response = client.get("/en/legal-frameworks/a-70/?standing=party&sort=deposit&dir=desc")
    codes = [r.country.code for r in response.context["rows"]]
    assert codes == ["PE", "CR", "UY"]
    assert 'aria-sort="descending"' in response.content.decode()
    response = client.get("/en/legal-frameworks/a-70/?standing=pending")
    assert [r.country.code for r in response.context["rows"]] == ["MX"]
    # Hostile parameters are ignored, never a 500.
    assert client.get("/en/legal-frameworks/a-70/?standing=x&sort=;drop&dir=up").status_code == 200


def test_csv_download_has_a_bom_and_the_rows(client, framework_pages, parties):
    response = client.get("/es/legal-frameworks/a-70/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffframework,country,")
    assert "A-70,PE,Peru,party,no,,accession,,yes,2021-03-01,,2021-03-31" in text


def test_json_download(client, framework_pages, parties):
    data = json.loads(client.get("/fr/legal-frameworks/a-70/?format=json").content)
    assert data["counts"]["parties"] == 3 and data["entry_into_force"] == "2017-01-11"
    assert {r["country"] for r in data["rows"]} == {"UY", "CR", "PE", "BR", "MX"}


def test_non_binding_instrument_has_articles_but_no_table(client, framework_pages, framework,
                                                          article):
    framework.binding = False
    framework.save()
    response = client.get("/en/legal-frameworks/a-70/")
    assert "table" not in response.context and "Long-term care" in response.content.decode()
    assert client.get("/en/legal-frameworks/a-70/?format=csv").status_code == 404


def test_articles_list_what_serves_them(client, framework_pages, article, home_pages,
                                        countries, people):
    practice = StandardPageFactory(parent=home_pages["es"], title="Sistema de cuidados")
    draft = StandardPageFactory(parent=home_pages["es"], title="Borrador", live=False)
    for target in (practice, draft):
        services.article_tag_create(article=article, target=target, by=people["editor"])
    html = client.get("/en/legal-frameworks/a-70/").content.decode()
    assert "Sistema de cuidados" in html and 'lang="es"' in html
    assert "Borrador" not in html


def test_index_lists_instruments_with_counts(client, framework_pages, parties):
    response = client.get("/pt/legal-frameworks/")
    assert response.status_code == 200
    row = response.context["frameworks"][0]
    assert row["counts"]["parties"] == 3 and row["page"].locale.language_code == "pt"


def test_country_profile(client, framework_pages, parties, countries, article, people,
                         home_pages):
    CountryStatus.objects.filter(country=countries["PE"]).update(
        reservations_en="A declaration.", reservations_es="Una declaración.")
    cycle = ReportingCycleFactory(framework=framework_pages["en"].framework,
                                  due_date=datetime.date(2026, 1, 1))
    NationalReportFactory(cycle=cycle, country=countries["PE"], state="late")
    practice = StandardPageFactory(parent=home_pages["en"], title="Pension 65")
    tag = services.article_tag_create(article=article, target=practice, by=people["editor"])
    tag.country = countries["PE"]
    tag.save()
    response = client.get("/es/legal-frameworks/countries/pe/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Una declaración." in html and "Pension 65" in html
    row = response.context["rows"][0]
    assert row["standing"] == Standing.PARTY and row["entry_into_force"] == datetime.date(
        2021, 3, 31)
    assert [r.state for r in row["reports"]] == ["late"]
    assert client.get("/en/legal-frameworks/countries/PE/").status_code == 302
    assert client.get("/en/legal-frameworks/countries/zz/").status_code == 404


def test_compare_two_to_five_countries(client, framework_pages, parties):
    response = client.get("/en/legal-frameworks/compare/?country=br&country=pe")
    assert response.status_code == 200
    cells = response.context["rows"][0]["cells"]
    assert [c["standing"] for c in cells] == [Standing.SIGNATORY, Standing.PARTY]
    for query in ("country=br", "country=br&country=zz", "country=br&country=br",
                  "&".join(f"country={c}" for c in ("br", "pe", "uy", "mx", "cr", "ar")), ""):
        response = client.get(f"/en/legal-frameworks/compare/?{query}")
        assert response.status_code == 400, query
        assert response.context["errors"]
    assert client.get("/en/legal-frameworks/compare/?country=br&format=json").status_code == 400


def _count(client, url) -> int:
    client.get(url)  # warm the shared caches, as any second visitor finds them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _grow(framework, article, home, people, n):
    for _ in range(n):
        # A new country: the factory's sequence can land on a code a fixture made (PE…), and
        # get-or-create would hand that one back (seen once, depending on test order).
        taken = set(Country.objects.values_list("code", flat=True))
        country = CountryFactory(code=next(a + b for a in ascii_uppercase
                                           for b in ascii_uppercase if a + b not in taken))
        CountryStatusFactory(framework=framework, country=country, standing=Standing.PARTY,
                             consent="accession", deposited=True,
                             deposit_date=datetime.date(2019, 1, 1))
        ArticleFactory(framework=framework)
        page = StandardPageFactory(parent=home)
        services.article_tag_create(article=article, target=page, by=people["editor"])


PAGES = (
    "/en/legal-frameworks/",
    "/es/legal-frameworks/a-70/",
    "/es/legal-frameworks/a-70/?standing=party&sort=deposit",
    "/es/legal-frameworks/a-70/?format=csv",
    "/en/legal-frameworks/countries/pe/",
    "/en/legal-frameworks/compare/?country=br&country=pe&country=uy",
)


def test_pages_stay_small_and_constant_as_rows_grow(client, framework_pages, parties, article,
                                                    home_pages, people, countries):
    framework = framework_pages["en"].framework
    client.force_login(people["learner"])
    _grow(framework, article, home_pages["en"], people, 2)
    before = {url: _count(client, url) for url in PAGES}
    _grow(framework, article, home_pages["en"], people, 12)
    after = {url: _count(client, url) for url in PAGES}
    assert before == after
    assert max(after.values()) <= BUDGET, after


def test_every_table_downloads_as_csv_and_json(client, framework_pages, parties):
    for url in ("/en/legal-frameworks/", "/en/legal-frameworks/countries/pe/",
                "/en/legal-frameworks/compare/?country=pe&country=br"):
        response = client.get(url + ("&" if "?" in url else "?") + "format=csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8", url
        assert response.content.decode().startswith("\ufeff"), url
        assert "A-70" in response.content.decode(), url
        data = json.loads(client.get(url + ("&" if "?" in url else "?") + "format=json").content)
        assert data, url
    text = client.get("/en/legal-frameworks/compare/?country=pe&country=br&format=csv").content
    assert "A-70,party,signatory" in text.decode()


def test_the_kept_framework_page_follows_every_change(client, framework_pages, parties, article,
                                                      home_pages, countries, people):
    url = "/en/legal-frameworks/a-70/"
    client.get(url)  # kept from here on
    status = CountryStatus.objects.get(framework__code="A-70", country=countries["PE"])
    status.source_url = "https://example.org/peru-deposit"
    status.save()
    assert "https://example.org/peru-deposit" in client.get(url).content.decode()
    practice = StandardPageFactory(parent=home_pages["es"], title="Sistema de cuidados")
    services.article_tag_create(article=article, target=practice, by=people["editor"])
    assert "Sistema de cuidados" in client.get(url).content.decode()
    practice.title = "Red de cuidados"
    practice.save_revision().publish()
    assert "Red de cuidados" in client.get(url).content.decode()
    cycle = ReportingCycleFactory(framework=framework_pages["en"].framework)
    client.get(url)
    services.cycle_reports_create(cycle=cycle, by=None)  # bulk: no signal of its own
    assert "0 of 3 submitted" in client.get(url).content.decode()
    countries["PE"].name_en = "Republic of Peru"
    countries["PE"].save()
    assert "Republic of Peru" in client.get(url).content.decode()
    html = client.get("/es/legal-frameworks/a-70/").content.decode()  # kept by language
    assert 'href="/es/legal-frameworks/countries/pe/"' in html
