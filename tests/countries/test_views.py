"""Country profiles from the sections registry: addresses, sections, aggregated counts with
small counts hidden, the sortable index, and query budgets constant as data grows."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from countries import sections
from tests.countries.conftest import exchanges_between, learners_of
from tests.factories import AgencyFactory, CountryFactory
from tests.factories.experiences import ExperiencePageFactory

pytestmark = pytest.mark.django_db

BUDGET = 15


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_profile_in_four_languages(client, profile_data, peru, lang):
    response = client.get(f"/{lang}/countries/pe/")
    assert response.status_code == 200
    html = response.content.decode()
    assert getattr(peru, f"name_{lang}") in html
    # The sections of the domains the fixture fills (a section with nothing to say about a
    # country may leave itself out: countries/sections.py).
    for key in ("agencies", "networks", "exchanges", "experiences", "learning"):
        assert key in {section.key for section in sections.registered()}
        assert f'id="section-{key}"' in html, key


def test_addresses(client, profile_data):
    assert client.get("/en/countries/zz/").status_code == 404
    assert client.get("/en/countries/p1/").status_code == 404
    assert client.get("/en/countries/pe-x/").status_code == 404
    response = client.get("/en/countries/PE/")
    assert response.status_code == 301 and response["Location"].endswith("/en/countries/pe/")
    assert client.get("/en/countries/Pe/").status_code == 404


def test_sections_say_what_the_domains_know(client, profile_data):
    html = client.get("/en/countries/pe/").content.decode()
    assert "Ministerio de Desarrollo e Inclusión Social" in html  # agencies
    assert "Inter-American Social Protection Network" in html  # networks
    assert "Juntos en el territorio" in html  # experiences
    # Exchanges received from Chile (2) and given to Chile (1), with the partner country.
    received, given = html.split("exchanges received", 1)[1].split("exchange given", 1)
    assert "2 exchanges received" in html and "1 exchange given" in html
    assert re.search(r"Chile</a></th><td>2<", received)
    assert re.search(r"Chile</a></th><td>1<", given)


def test_counts_of_people_below_five_are_hidden(client, profile_data):
    peru_page = client.get("/en/countries/pe/").content.decode()
    chile_page = client.get("/en/countries/cl/").content.decode()
    learning = r"People enrolled in a course</th><td>([^<]+)</td>"
    assert re.search(learning, peru_page).group(1) == "fewer than 5"  # 3 people
    assert re.search(learning, chile_page).group(1) == "6"


def test_restricted_and_draft_experiences_stay_out(client, profile_data, midis):
    from wagtail.models import PageViewRestriction

    hidden = ExperiencePageFactory(parent=profile_data["library"], agency=midis,
                                   title="Restricted practice")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = ExperiencePageFactory(parent=profile_data["library"], agency=midis,
                                  title="Draft practice", live=False)
    html = client.get("/en/countries/pe/").content.decode()
    assert hidden.title not in html and draft.title not in html


def test_index_is_sortable_and_counts_hidden(client, profile_data):
    html = client.get("/en/countries/?sort=exchanges&dir=desc").content.decode()
    assert 'aria-sort="descending"' in html
    assert html.index(">Chile<") < html.index(">Peru<") or html.index(">Peru<") < html.index(
        ">Chile<")
    by_name = client.get("/en/countries/?sort=name&dir=asc").content.decode()
    assert by_name.index(">Chile<") < by_name.index(">Peru<")
    by_name_desc = client.get("/en/countries/?sort=name&dir=desc").content.decode()
    assert by_name_desc.index(">Peru<") < by_name_desc.index(">Chile<")
    learners = client.get("/en/countries/?sort=learning&dir=asc").content.decode()
    assert "&lt; 5" in learners
    assert client.get("/en/countries/?sort=<script>&dir=zz").status_code == 200


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_profile_and_index_cost_the_same_with_1000_exchanges(
    client, profile_data, midis, mdsf, peru
):
    small = {url: _count(client, url) for url in ("/en/countries/pe/", "/en/countries/")}
    uruguay = AgencyFactory(country=CountryFactory(code="UY"))
    exchanges_between(midis, mdsf, 500)
    exchanges_between(uruguay, midis, 500)
    for _ in range(20):
        AgencyFactory(country=peru)
    learners_of(peru, profile_data["cohort"], 30)
    for i in range(10):
        ExperiencePageFactory(parent=profile_data["library"], agency=midis, title=f"Exp {i}")
    large = {url: _count(client, url) for url in ("/en/countries/pe/", "/en/countries/")}
    assert large == small, (small, large)
    assert max(large.values()) <= BUDGET


def test_index_asks_each_section_once_for_all_countries(client, profile_data):
    from cms.directory.models import Country

    before = _count(client, "/en/countries/")
    sections.register(sections.Section(
        key="zz-test", title="Test", order=999, template="countries/agencies_section.html",
        context=lambda country, request: None,
        headline=lambda countries: dict(Country.objects.values_list("pk", "pk")),
    ))
    try:
        with_one_more = _count(client, "/en/countries/")
        for _ in range(5):
            CountryFactory()
        assert _count(client, "/en/countries/") == with_one_more
    finally:
        sections._sections.pop("zz-test")
    assert with_one_more == before + 1


def test_kept_sections_and_headlines_follow_every_change(client, profile_data, peru, midis,
                                                         mdsf, secretariat):
    from tests.factories.frameworks import CountryStatusFactory, FrameworkFactory
    from tests.factories.networks import NetworkFactory, member_of

    profile, index = "/en/countries/pe/", "/en/countries/"
    agencies = r'>Peru</a></th><td[^>]*>(\d+)<'
    before = int(re.search(agencies, client.get(index).content.decode()).group(1))
    client.get(profile)  # both kept from here on
    AgencyFactory(country=peru, name="Programa Nacional Cuna Más")
    assert "Programa Nacional Cuna Más" in client.get(profile).content.decode()
    assert int(re.search(agencies, client.get(index).content.decode()).group(1)) == before + 1
    member_of(NetworkFactory(slug="rital", name_en="Labour Network"), midis,
              secretariat=secretariat)
    assert "Labour Network" in client.get(profile).content.decode()
    experience = profile_data["library"].get_children().specific().first()
    experience.title = "Juntos, otra vez"
    experience.save_revision().publish()
    assert "Juntos, otra vez" in client.get(profile).content.decode()
    CountryStatusFactory(framework=FrameworkFactory(code="A-70"), country=peru)
    assert "A-70: " in client.get(profile).content.decode()
    from exchanges.models import ExchangeRequest

    exchange = ExchangeRequest.objects.filter(requesting_agency=midis).first()
    exchange.state = "draft"  # saved as the workflow saves it
    exchange.save()
    assert "1 exchange received" in client.get(profile).content.decode()
    assert 'href="/pt/legal-frameworks/countries/pe/"' in client.get(
        "/pt/countries/pe/").content.decode()  # kept by language
