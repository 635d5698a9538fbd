"""Political dialogue in real browsers: Peru's focal point registers its delegation and submits
its country report, the secretariat accepts the report, and the public tracker shows it —
axe-clean in the four languages."""

import re

import pytest
from playwright.sync_api import expect

from cms.accounts import roles
from forums.models import CountryReport, Delegation
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.forums import (
    CommitmentFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    MeetingPageFactory,
    ReportingCycleFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sequences_after_restore(transactional_db):
    """Serialized rollback leaves PostgreSQL's sequences behind the restored rows."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


def log_in(new_page, email, language="en", locale="en-US"):
    page = new_page(locale=locale)
    page.goto(f"/{language}/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))
    return page


def test_delegation_report_review_tracker(sequences_after_restore, new_page, home_pages,
                                          axe_violations):
    peru = CountryFactory(code="PE", name_en="Peru", name_es="Perú", name_fr="Pérou",
                          name_pt="Peru")
    chile = CountryFactory(code="CL", name_en="Chile", name_es="Chile", name_fr="Chili",
                           name_pt="Chile")
    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=home_pages["en"]),
                             title="Inter-American Conference of Ministers of Labor",
                             acronym="IACML", members=[peru, chile])
    meeting = MeetingPageFactory(parent=forum, title="XXIII IACML")
    commitment = CommitmentFactory(meeting=meeting, number="1")
    cycle = ReportingCycleFactory(forum=forum, title="2026")
    focal = focal_point_for(AgencyFactory(country=peru, name="Ministerio de Trabajo"),
                            email="focal.pe@example.org")
    UserFactory(email="secretariat@example.org", roles=[roles.SECRETARIAT], second_factor=False)

    # The focal point registers Peru's delegation and submits it.
    page = log_in(new_page, focal.email)
    page.goto(meeting.url)
    page.get_by_role("button", name="Register the delegation of Peru").click()
    page.locator("main select[name=role]").select_option("head")
    page.locator("main input[name=name]").fill("Ana Rojas")
    page.locator("main input[name=email]").fill("ana.rojas@example.org")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("rowheader", name="Ana Rojas")).to_be_visible()
    page.get_by_role("button", name="Submit the delegation").click()
    expect(page.get_by_text("Submitted").first).to_be_visible()
    assert Delegation.objects.get(country=peru).state == "submitted"

    # … then reports on the commitment and submits the report.
    page.goto("/en/forums/reports/")
    page.get_by_role("button", name="Start the report of Peru").click()
    page.locator("select[name$='-status']").select_option("achieved")
    page.locator("textarea[name$='-narrative']").fill("Inspection law adopted in 2026.")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("The report is saved as a draft.")).to_be_visible()
    page.get_by_role("button", name="Submit the report").click()
    report = CountryReport.objects.get(cycle=cycle, country=peru)
    assert report.state == "submitted"

    # The secretariat accepts it.
    review = log_in(new_page, "secretariat@example.org")
    review.goto(f"/en/forums/reports/{report.pk}/")
    review.get_by_role("button", name="Accept").click()
    expect(review.get_by_text("Accepted").first).to_be_visible()

    # The public tracker shows Peru's status, axe-clean in four languages.
    public = new_page()
    for language in ("en", "es", "fr", "pt"):
        public.goto(f"/{language}/commitments/?forum={forum.pk}")
        matrix = public.locator("table.matrix")
        expect(matrix.get_by_role("rowheader", name=peru.name_en if language in ("en", "pt")
                                  else {"es": "Perú", "fr": "Pérou"}[language])).to_be_visible()
        assert public.locator("svg[role=img]").count() == 1
        assert axe_violations(public) == []
    public.goto(f"/en/commitments/{commitment.pk}/")
    expect(public.get_by_text("Inspection law adopted in 2026.")).to_be_visible()
