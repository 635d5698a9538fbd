"""Status rows (one writer, with history), CSV import and export, tags, cycles, reminders."""

import datetime

from django.core import mail

import pytest

from frameworks import csv_format, selectors, services
from frameworks.models import (
    ArticleTag,
    CountryStatus,
    CountryStatusChange,
    NationalReport,
    ReportReminder,
    Standing,
)
from frameworks.validation import StatusInvalid
from tests.factories import HomePageFactory
from tests.factories.frameworks import NationalReportFactory, ReportingCycleFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def save(framework, country, by, **values):
    return services.country_status_save(framework=framework, country=country, values=values,
                                        by=by, via=CountryStatusChange.Via.ADMIN)


def test_secretariat_records_a_ratification_with_its_history(framework, countries, people):
    secretariat = people["secretariat"]
    status = save(framework, countries["BR"], secretariat, signature_date=D(2015, 6, 15))
    status = save(framework, countries["BR"], secretariat, consent="ratification",
                  consent_date=D(2024, 2, 1), deposit_date=D(2024, 3, 1))
    assert status.standing == Standing.PARTY and status.version == 2
    changes = list(status.changes.order_by("pk"))
    assert [c.changed_by for c in changes] == [secretariat, secretariat]
    assert changes[1].changes["deposit_date"] == ["", "2024-03-01"]
    assert changes[1].changes["standing"] == ["signatory", "party"]
    assert "signature_date" not in changes[1].changes


def test_saving_the_same_values_writes_no_history(framework, countries, people):
    save(framework, countries["BR"], people["secretariat"], signature_date=D(2015, 6, 15))
    save(framework, countries["BR"], people["secretariat"], signature_date=D(2015, 6, 15))
    assert CountryStatusChange.objects.count() == 1


@pytest.mark.parametrize("role", ["learner", "own_focal", "editor", "anonymous"])
def test_only_the_secretariat_writes_status_rows(framework, countries, people, role):
    with pytest.raises(services.NotAllowed):
        save(framework, countries["BR"], people[role], signature_date=D(2015, 6, 15))
    assert not CountryStatus.objects.exists()


def test_bad_dates_change_nothing(framework, countries, people, record):
    record("BR", signature_date=D(2015, 6, 15))
    with pytest.raises(StatusInvalid):
        save(framework, countries["BR"], people["secretariat"], consent="ratification",
             consent_date=D(2014, 1, 1))
    status = CountryStatus.objects.get()
    assert status.consent == "" and status.version == 1
    assert CountryStatusChange.objects.count() == 1


def test_a_stale_version_is_refused(framework, countries, people, record):
    record("BR", signature_date=D(2015, 6, 15))
    with pytest.raises(services.Refusal) as refused:
        services.country_status_save(
            framework=framework, country=countries["BR"], values={"signed": True},
            by=people["secretariat"], via="admin", expected_version=0,
        )
    assert refused.value.code == "stale"


def test_entry_into_force_follows_the_rule(framework, parties):
    table = selectors.status_table(framework)
    # The second deposit (Costa Rica, 2016-12-12) + 30 days.
    assert table.general_entry_into_force == D(2017, 1, 11)
    in_force = {r.country.code: r.entry_into_force for r in table.rows}
    assert in_force["UY"] == D(2017, 1, 11)  # an early depositor waits for the general date
    assert in_force["PE"] == D(2021, 3, 31)  # later: 30 days after its own deposit
    assert in_force["BR"] is None
    assert table.counts == {"signatories": 3, "parties": 3, "pending": 1}


def _csv(*lines):
    header = "framework,country,signed,signature_date,consent,consent_date,deposited,deposit_date"
    return ("\ufeff" + "\n".join([header, *lines]) + "\n").encode()


def test_csv_import_applies_every_row(framework, countries, people):
    result = services.country_statuses_import(data=_csv(
        "A-70,BR,yes,2015-06-15,,,no,",
        "a-70,pe,no,,accession,,yes,2021-03-01",
    ), by=people["secretariat"])
    assert (result.created, result.updated) == (2, 0)
    assert CountryStatus.objects.get(country=countries["PE"]).standing == Standing.PARTY
    assert set(CountryStatusChange.objects.values_list("via", flat=True)) == {"csv"}


def test_csv_import_with_a_bad_row_writes_nothing_and_names_the_rows(framework, countries,
                                                                     people):
    with pytest.raises(services.ImportInvalid) as refused:
        services.country_statuses_import(data=_csv(
            "A-70,BR,yes,2015-06-15,,,no,",
            "A-70,PE,no,,accession,,yes,2021-13-01",
            "A-70,UY,yes,2016-01-01,ratification,2015-01-01,no,",
            "A-99,XX,maybe,,,,,",
        ), by=people["secretariat"])
    lines = [line for line, _message in refused.value.errors]
    assert lines == [3, 5]  # parse errors first: nothing applied, the date rule not reached
    assert not CountryStatus.objects.exists()
    with pytest.raises(services.ImportInvalid) as refused:
        services.country_statuses_import(data=_csv(
            "A-70,BR,yes,2015-06-15,,,no,",
            "A-70,UY,yes,2016-01-01,ratification,2015-01-01,no,",
        ), by=people["secretariat"])
    assert [line for line, _m in refused.value.errors] == [3]
    assert "2015" in refused.value.errors[0][1]
    assert not CountryStatus.objects.exists() and not CountryStatusChange.objects.exists()


def test_csv_import_is_bounded_and_for_the_secretariat(framework, countries, people, settings):
    with pytest.raises(services.NotAllowed):
        services.country_statuses_import(data=_csv("A-70,BR,yes,,,,,"), by=people["editor"])
    settings.FRAMEWORKS_CSV_MAX_ROWS = 1
    with pytest.raises(services.ImportInvalid) as refused:
        services.country_statuses_import(data=_csv("A-70,BR,yes,,,,,", "A-70,PE,yes,,,,,"),
                                         by=people["secretariat"])
    assert "at most 1" in refused.value.errors[0][1]
    settings.FRAMEWORKS_CSV_MAX_BYTES = 10
    with pytest.raises(services.ImportInvalid):
        services.country_statuses_import(data=_csv("A-70,BR,yes,,,,,"), by=people["secretariat"])
    assert not CountryStatus.objects.exists()


def test_the_export_imports_again(framework, parties, people):
    statuses = list(selectors.status_export_rows(framework))
    text = csv_format.write([csv_format.export_row(s, None) for s in statuses])
    assert text.startswith("\ufeffframework,country,")
    result = services.country_statuses_import(data=text.encode(), by=people["secretariat"])
    assert (result.created, result.updated, result.unchanged) == (0, 0, 5)


def test_tags_are_for_editors_and_copy_the_country(article, people, home_page, countries):
    page = HomePageFactory.build(title="Practice")
    home_page.add_child(instance=page)
    with pytest.raises(services.NotAllowed):
        services.article_tag_create(article=article, target=page, by=people["own_focal"])
    tag = services.article_tag_create(article=article, target=page, by=people["editor"])
    again = services.article_tag_create(article=article, target=page, by=people["editor"])
    assert tag.pk == again.pk and ArticleTag.objects.count() == 1


def test_a_cycle_asks_every_state_party(framework, parties):
    cycle = ReportingCycleFactory(framework=framework)
    assert services.cycle_reports_create(cycle=cycle, by=None) == 3
    assert services.cycle_reports_create(cycle=cycle, by=None) == 0
    assert set(cycle.reports.values_list("country__code", flat=True)) == {"UY", "CR", "PE"}


def test_reminders_go_out_30_and_7_days_before_and_when_late_each_once(
    framework, countries, people, django_capture_on_commit_callbacks
):
    today = D(2026, 6, 1)
    cycle = ReportingCycleFactory(framework=framework, due_date=today + datetime.timedelta(30))
    report = NationalReportFactory(cycle=cycle, country=countries["PE"])
    NationalReportFactory(cycle=cycle, country=countries["MX"])  # no focal point: no email

    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return services.report_reminders_send(today=day)

    assert run(today) == 2
    assert [m.to for m in mail.outbox] == [[people["own_focal"].email]]
    assert run(today) == 0  # once
    assert run(today + datetime.timedelta(days=23)) == 2  # 7 days before
    assert run(today + datetime.timedelta(days=31)) == 2  # late
    report.refresh_from_db()
    assert report.state == NationalReport.State.LATE
    assert run(today + datetime.timedelta(days=40)) == 0
    assert ReportReminder.objects.filter(report=report).count() == 3
    assert len(mail.outbox) == 3
