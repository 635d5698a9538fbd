"""The public tracker, a country's matrix and their exports; bad filters are a 400."""

import io

from django.utils import timezone

import pytest

from forums.models import CommitmentStatus, CountryReport
from tests.factories import PopulationGroupFactory, ThemeFactory
from tests.factories.forums import CommitmentFactory, CountryReportFactory, ReportingCycleFactory


def accepted(cycle, country, statuses, *, illustrative=False):
    report = CountryReportFactory(cycle=cycle, country=country, state="accepted",
                                  accepted_at=timezone.now(), illustrative=illustrative)
    CommitmentStatus.objects.bulk_create(
        CommitmentStatus(report=report, commitment=c, status=s) for c, s in statuses
    )
    return report


@pytest.fixture
def data(forum, meeting, cycle, countries):
    theme = ThemeFactory(slug="labour-inspection")
    group = PopulationGroupFactory(slug="youth")
    PopulationGroupFactory(slug="older-persons")
    one = CommitmentFactory(meeting=meeting)
    one.themes.add(theme)
    one.population_groups.add(group)
    two = CommitmentFactory(meeting=meeting)
    accepted(cycle, countries[0], [(one, "achieved"), (two, "not_started")])
    accepted(cycle, countries[1], [(one, "in_progress"), (two, "in_progress")])
    # A submitted (not accepted) report is never public.
    draft_cycle = ReportingCycleFactory(forum=forum)
    CountryReportFactory(cycle=draft_cycle, country=countries[0], state="submitted")
    return one, two


@pytest.mark.django_db
def test_tracker_counts_matrix_chart_and_inclusion_lens(client, data, forum):
    response = client.get(f"/en/commitments/?forum={forum.pk}")
    assert response.status_code == 200
    tracker = response.context["tracker"]
    assert dict(tracker.counts)["Achieved"] == 1 and dict(tracker.counts)["In progress"] == 2
    assert [c.code for c in tracker.countries] == sorted(c.code for c in tracker.countries)
    html = response.content.decode()
    assert 'role="img"' in html and "<title id=\"status-chart-title\">" in html
    assert "<caption" in html and 'scope="col"' in html
    assert [g.slug for g in tracker.uncovered_groups] == ["older-persons"]


@pytest.mark.django_db
def test_filters(client, data, countries):
    one, two = data
    r = client.get("/en/commitments/?theme=labour-inspection")
    assert [c.pk for c in r.context["tracker"].commitments] == [one.pk]
    r = client.get("/en/commitments/?status=achieved")
    assert [(c.code, len([x for x in cells if x])) for c, cells in r.context["tracker"].matrix] \
        == [("PE", 1)]
    r = client.get("/en/commitments/?country=CL&population=youth")
    assert [c.code for c in r.context["tracker"].countries] == ["CL"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["country=XX", "status=done", "theme=nope", "forum=999999",
                                   "meeting=abc", "format=pdf", "population=%00"])
def test_unknown_filter_values_are_400(client, data, query):
    response = client.get(f"/en/commitments/?{query}")
    assert response.status_code == 400
    # (a NUL is refused before any view, by cms/inputs.py, with its own message)
    assert (b"not valid" in response.content or b"Unknown output" in response.content
            or b"invalid character" in response.content)


@pytest.mark.django_db
def test_csv_has_bom_and_only_accepted_rows(client, data):
    response = client.get("/en/commitments/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 4


@pytest.mark.django_db
def test_country_matrix_csv_and_xlsx(client, data, countries):
    from openpyxl import load_workbook

    page = client.get("/en/commitments/countries/pe/")
    assert page.status_code == 200 and len(page.context["matrix"]) == 2
    csv = client.get("/en/commitments/countries/PE.csv")
    assert csv.content.startswith(b"\xef\xbb\xbf") and b"Achieved" in csv.content
    xlsx = client.get("/en/commitments/countries/PE.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 3 and sheet["E2"].value in ("Achieved", "Not started")
    assert client.get("/en/commitments/countries/ZZ/").status_code == 404


@pytest.mark.django_db
def test_commitment_page_shows_history_and_exchange_link(client, data, peru_fp):
    one, two = data
    client.force_login(peru_fp)
    html = client.get(f"/en/commitments/{two.pk}/").content.decode()
    assert "/en/exchanges/new/?title=" in html  # Peru has not started commitment two
    html = client.get(f"/en/commitments/{one.pk}/").content.decode()
    assert "/en/exchanges/new/" not in html


@pytest.mark.django_db
def test_list_pages_stay_within_15_queries_as_data_grows(client, forum, meeting, cycle,
                                                         countries, peru_fp,
                                                         django_assert_max_num_queries):
    from tests.factories import CountryFactory

    urls = ["/en/forums/", forum.url, meeting.url, "/en/commitments/",
            "/en/commitments/?status=achieved", "/en/commitments/countries/PE/"]

    def grow(n):
        made = [CommitmentFactory(meeting=meeting) for _ in range(n)]
        for _ in range(n):
            country = CountryFactory()
            forum.member_countries.add(country)
            accepted(cycle, country, [(c, "in_progress") for c in made])

    for person in (None, peru_fp):
        client.logout()
        if person:
            client.force_login(person)
        grow(2)
        for url in urls:
            client.get(url)  # warm the shared caches
            with django_assert_max_num_queries(15):
                assert client.get(url).status_code == 200
        grow(8)
        for url in urls:
            client.get(url)
            with django_assert_max_num_queries(15):
                assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_queries_are_constant(client, forum, meeting, cycle, countries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import CountryFactory

    def count(url):
        client.get(url)  # the first requests fill the shared caches (route, restrictions)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    def grow(n):
        made = [CommitmentFactory(meeting=meeting) for _ in range(n)]
        for _ in range(n):
            country = CountryFactory()
            accepted(cycle, country, [(c, "achieved") for c in made])

    grow(1)
    before = [count(u) for u in ("/en/commitments/", meeting.url, forum.url)]
    grow(6)
    assert [count(u) for u in ("/en/commitments/", meeting.url, forum.url)] == before


@pytest.mark.django_db
def test_state_of_a_report_never_set_outside_the_workflow():
    assert CountryReport._meta.get_field("state").editable is False
