"""Legal frameworks in a real browser: the secretariat records a ratification in the admin;
the framework page's count and chart change, the country profile shows it, the CSV has it.
And the framework page is axe-clean in the four languages."""

import datetime
import re

import pytest

from cms.accounts import roles
from frameworks import services
from frameworks.models import CountryStatusChange
from tests.factories import CountryFactory, UserFactory
from tests.factories.frameworks import (
    ArticleFactory,
    FrameworkFactory,
    FrameworkIndexPageFactory,
    FrameworkPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

TITLES = {"en": "Convention on older persons", "es": "Convención sobre personas mayores",
          "fr": "Convention sur les personnes âgées", "pt": "Convenção sobre os idosos"}


@pytest.fixture
def sequences_after_restore(transactional_db):
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture
def convention(sequences_after_restore, home_pages):
    framework = FrameworkFactory(code="A-70", name_en=TITLES["en"])
    ArticleFactory(framework=framework, number="12", heading_en="Long-term care",
                   heading_es="Cuidados a largo plazo", heading_fr="Soins de longue durée",
                   heading_pt="Cuidados de longo prazo")
    first = None
    for code, home in home_pages.items():
        extra = {"translation_key": first[0].translation_key} if first else {}
        index = FrameworkIndexPageFactory(parent=home, locale=home.locale, **extra)
        extra = {"translation_key": first[1].translation_key} if first else {}
        page = FrameworkPageFactory(parent=index, framework=framework, locale=home.locale,
                                    title=TITLES[code], **extra)
        first = first or (index, page)
    countries = {code: CountryFactory(code=code, name_en=name, name_es=name, name_fr=name,
                                      name_pt=name)
                 for code, name in (("UY", "Uruguay"), ("CR", "Costa Rica"), ("BR", "Brazil"))}

    def record(code, **values):
        return services.country_status_save(framework=framework, country=countries[code],
                                            values=values, by=None,
                                            via=CountryStatusChange.Via.SEED)

    record("UY", signed=True, consent="ratification", deposit_date=datetime.date(2016, 11, 18))
    record("CR", signed=True, consent="ratification", deposit_date=datetime.date(2016, 12, 12))
    brazil = record("BR", signature_date=datetime.date(2015, 6, 15))
    return framework, brazil


def log_in(new_page, email):
    page = new_page()
    page.goto("/en/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))
    page.wait_for_load_state()
    if page.locator("main input[name=code]").count():
        # Staff with an authenticator (where the admin requires a second factor) give its code.
        from tests import factories

        page.locator("main input[name=code]").fill(factories.totp_code())
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
    return page


def parties_count(page) -> str:
    return page.locator(".counts li").nth(1).locator("strong").inner_text()


def test_secretariat_records_a_ratification(convention, new_page):
    _framework, brazil = convention
    UserFactory(email="sofia@secretariat.example", roles=[roles.SECRETARIAT])
    reader = new_page()
    reader.goto("/en/legal-frameworks/a-70/")
    assert parties_count(reader) == "2"
    assert "2024\t0\t2" in reader.locator("#chart-table").inner_text()

    admin = log_in(new_page, "sofia@secretariat.example")
    admin.goto(f"/admin/frameworks_status/edit/{brazil.pk}/")
    admin.locator("#id_consent").select_option("ratification")
    admin.locator("#id_consent_date").fill("2024-05-02")
    admin.locator("#id_deposit_date").fill("2024-06-03")
    admin.get_by_role("button", name="Save").click()
    admin.wait_for_url(re.compile(r".*/admin/frameworks_status/$"))

    reader.goto("/en/legal-frameworks/a-70/")
    assert parties_count(reader) == "3"
    assert "2024\t1\t3" in reader.locator("#chart-table").inner_text()
    assert "3 States Parties" in reader.locator("svg.chart").inner_html()
    reader.goto("/en/legal-frameworks/countries/br/")
    row = reader.locator("#profile-table tbody tr").first
    assert "State Party" in row.inner_text() and "2024" in row.inner_text()
    csv = reader.request.get("/en/legal-frameworks/a-70/?format=csv").text()
    assert "A-70,BR,Brazil,party,yes,2015-06-15,ratification,2024-05-02,yes,2024-06-03" in csv


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_framework_page_is_accessible(convention, new_page, axe_violations, language):
    page = new_page(locale={"en": "en-US", "es": "es-PE", "fr": "fr-CA", "pt": "pt-BR"}[language])
    page.goto(f"/{language}/legal-frameworks/a-70/")
    assert page.locator("h1").inner_text() == TITLES[language]
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_index_profile_and_compare_are_accessible(convention, new_page, axe_violations):
    page = new_page()
    for url in ("/en/legal-frameworks/", "/es/legal-frameworks/countries/br/",
                "/pt/legal-frameworks/compare/?country=br&country=uy",
                "/fr/legal-frameworks/compare/?country=br"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(url)
        assert axe_violations(page) == [], url
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
