from django.urls import reverse

import pytest

from exchanges.matching import suggest_providers
from tests.factories import (
    AgencyFactory,
    CountryFactory,
    NetworkFactory,
    PopulationGroupFactory,
    ThemeFactory,
)
from tests.factories.exchanges import ExchangeRequestFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(home_pages, django_capture_on_commit_callbacks):
    libraries = {
        code: ExperienceIndexPageFactory(parent=home, locale=home.locale)
        for code, home in home_pages.items()
    }

    def make(language="en", **kwargs):
        parent = libraries[language]
        kwargs.setdefault("original_language", language)
        with django_capture_on_commit_callbacks(execute=True):
            page = ExperiencePageFactory(parent=parent, locale=parent.locale, **kwargs)
            page.save_revision().publish()
        return page

    return make


@pytest.fixture
def seeded(publish):
    """Experiences of several agencies; two of them about targeting cash transfers."""
    cash = ThemeFactory(slug="cash-transfers", name_en="Cash transfers")
    labour = ThemeFactory(slug="labour-inspection", name_en="Labour inspection")
    poor = PopulationGroupFactory(slug="households-in-poverty", name_en="Households in poverty")
    peru = CountryFactory(code="PE", name_en="Peru")
    midis = AgencyFactory(
        name="Ministerio de Desarrollo e Inclusión Social", acronym="MIDIS", country=peru
    )
    dps = AgencyFactory(
        name="Prosperidad Social",
        acronym="DPS",
        country=CountryFactory(code="CO", name_en="Colombia"),
    )
    mds = AgencyFactory(
        name="Ministério do Desenvolvimento Social",
        acronym="MDS",
        country=CountryFactory(code="BR", name_en="Brazil"),
    )
    distractors = [AgencyFactory(country=CountryFactory()) for _ in range(4)]
    publish(
        "es",
        title="Focalización de transferencias monetarias con el Sisbén",
        summary="Un índice de bienestar de los hogares focaliza las transferencias condicionadas.",
        problem="<p>Las transferencias monetarias no llegaban a los hogares más pobres.</p>",
        agency=dps,
        country=dps.country,
        themes=[cash],
        population_groups=[poor],
    )
    publish(
        title="Cadastro Único: a social registry to target cash transfers",
        summary="One registry of low-income households targets Bolsa Família cash transfers.",
        problem="<p>Cash transfer programmes each kept their own lists of poor households.</p>",
        agency=mds,
        country=mds.country,
        themes=[cash],
        population_groups=[poor],
    )
    topics = [
        ("Mobile labour inspection on plantations", "Inspectors reach rural workplaces."),
        ("Online registration of domestic workers", "Employers register contracts online."),
        ("Apprenticeships for young people", "Firms train apprentices with public support."),
        ("Mediation of collective labour disputes", "A mediation service settles disputes."),
    ]
    for agency, (title, summary) in zip(distractors, topics, strict=True):
        publish(
            title=title, summary=summary, agency=agency, country=agency.country, themes=[labour]
        )
    # The requester's own experience must never be suggested to it.
    publish(
        title="Targeting cash transfers in Peru",
        summary="Our own targeting of transfers",
        agency=midis,
        country=peru,
        themes=[cash],
    )
    request = ExchangeRequestFactory(
        requesting_agency=midis,
        title="Improving the targeting of our cash transfer programme",
        problem="Our conditional cash transfers miss many poor households and reach some "
        "who are not poor.",
        need="Learn how a social registry of households is used to target cash transfers.",
        objectives="Design a targeting model based on a household registry.",
        expected_results="A targeting model and a plan to pilot it.",
    )
    request.themes.add(cash)
    request.population_groups.add(poor)
    return {"request": request, "dps": dps, "mds": mds, "midis": midis, "distractors": distractors}


def test_midis_request_about_cash_transfers_ranks_the_experienced_agencies_first(seeded):
    suggestions = suggest_providers(seeded["request"], limit=5)
    top3 = [s.agency for s in suggestions[:3]]
    assert seeded["dps"] in top3
    assert seeded["mds"] in top3
    assert seeded["midis"] not in [s.agency for s in suggestions]
    # Each suggestion carries the experiences that justify it.
    by_agency = {s.agency: s for s in suggestions}
    assert "Cadastro" in by_agency[seeded["mds"]].experiences[0].title
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)


def test_shared_network_raises_an_agency(seeded):
    before = {s.agency: s.score for s in suggest_providers(seeded["request"])}
    NetworkFactory(members=[seeded["midis"], seeded["mds"]])
    after = {s.agency: s for s in suggest_providers(seeded["request"])}
    assert after[seeded["mds"]].score > before[seeded["mds"]]
    assert after[seeded["mds"]].shared_networks
    assert after[seeded["dps"]].score == before[seeded["dps"]]


def test_no_experiences_no_suggestions(home_pages):
    assert suggest_providers(ExchangeRequestFactory()) == []


def test_secretariat_sees_suggestions_on_a_submitted_request(seeded, client):
    from cms.accounts import roles
    from exchanges import workflow
    from tests.factories import UserFactory, focal_point_for

    req = workflow.transition(seeded["request"], "submit", by=focal_point_for(seeded["midis"]))
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    url = reverse("exchanges:suggestions", args=[req.pk])
    assert url in client.get(req.get_absolute_url()).content.decode()
    page = client.get(url)
    assert "Suggested providers" in page.content.decode()
    assert seeded["mds"] in [s.agency for s in page.context["suggestions"]]
    assert seeded["mds"].name in page.content.decode()
    # The requester does not see the ranking of possible providers.
    client.force_login(focal_point_for(seeded["midis"]))
    assert client.get(url).status_code == 403
    assert url not in client.get(req.get_absolute_url()).content.decode()


def test_suggestions_page_keeps_its_queries_as_experiences_grow(
    seeded, publish, client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.accounts import roles
    from exchanges import workflow
    from tests.factories import UserFactory, focal_point_for

    req = workflow.transition(seeded["request"], "submit", by=focal_point_for(seeded["midis"]))
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    url = reverse("exchanges:suggestions", args=[req.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return len(queries), {s.agency for s in response.context["suggestions"]}

    client.get(url)  # warm the caches
    few, shown_few = count()
    cash = req.themes.get()
    added = []
    for n in range(3):
        agency = AgencyFactory(country=CountryFactory())
        added.append(agency)
        publish(
            title=f"Targeting cash transfers with a registry, phase {n}",
            summary="A household registry targets cash transfers to poor households.",
            agency=agency,
            country=agency.country,
            themes=[cash],
        )
    client.get(url)  # publishing changed the page tree: the shell's cache is cold again
    many, shown_many = count()
    assert set(added) & shown_many and not set(added) & shown_few
    assert few == many
    with django_assert_max_num_queries(15):
        client.get(url)
