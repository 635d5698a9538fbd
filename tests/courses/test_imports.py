"""Issue 16, point 12: CSV imports are checked in the request, then run in the background
(django-tasks) with their progress in the admin."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from cms.accounts import roles
from courses.models import Enrolment, ImportJob
from courses.services import imports
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def upload(text: str, name="people.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.fixture
def people():
    return [UserFactory() for _ in range(5)]


def post(client, cohort, body):
    return client.post(reverse("courses_bulk_enrol", args=[cohort.pk]), {"file": upload(body)})


def test_the_upload_answers_at_once_with_a_queued_job(client, cohort, secretariat, people):
    client.force_login(secretariat)
    body = "email\n" + "\n".join(p.email for p in people) + "\n"
    response = post(client, cohort, body)  # the task is queued after a commit that never comes
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("courses_import", args=[job.pk])
    assert (job.status, job.total_rows, job.processed_rows) == ("queued", 5, 0)
    assert job.created_by == secretariat and job.cohort == cohort and job.file_name == "people.csv"
    assert not Enrolment.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Queued" in page and "0 of 5 rows (0%)" in page and "data-refresh" in page


def test_the_task_enrols_in_batches_and_updates_progress(
    client, cohort, secretariat, people, monkeypatch
):
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    seen = []
    original = imports._enrol_row

    def spying(job, row, by, context):
        seen.append(ImportJob.objects.values_list("status", "processed_rows").get(pk=job.pk))
        return original(job, row, by, context)

    monkeypatch.setattr(imports, "_enrol_row", spying)
    client.force_login(secretariat)
    body = "email\n" + "\n".join(p.email for p in people) + "\nnobody@example.org\n"
    post(client, cohort, body)
    job = ImportJob.objects.get()
    assert imports.import_job_run.call(job_id=job.pk) == "done"
    job.refresh_from_db()
    # progress is committed batch by batch: 0, 2, 4 rows done as the batches start
    assert [done for _status, done in seen] == [0, 0, 2, 2, 4, 4]
    assert {status for status, _done in seen} == {"running"}
    assert (job.status, job.processed_rows, job.percent) == ("done", 6, 100)
    assert (job.created_count, job.skipped_count, job.error_count) == (5, 0, 1)
    assert job.errors == [[7, "nobody@example.org", "No account uses this email address."]]
    assert job.started_at and job.finished_at
    assert set(Enrolment.objects.values_list("user_id", flat=True)) == {p.pk for p in people}
    page = client.get(reverse("courses_import", args=[job.pk])).content.decode()
    assert "6 of 6 rows (100%)" in page and "data-refresh" not in page


def test_running_the_same_file_again_enrols_nobody_twice(client, cohort, secretariat, people):
    client.force_login(secretariat)
    body = "email\n" + "\n".join(p.email for p in people) + "\n"
    post(client, cohort, body)
    post(client, cohort, body)
    first, second = ImportJob.objects.order_by("pk")
    imports.import_job_run.call(job_id=first.pk)
    imports.import_job_run.call(job_id=second.pk)
    imports.import_job_run.call(job_id=first.pk)  # a task delivered twice does nothing more
    second.refresh_from_db()
    first.refresh_from_db()
    assert Enrolment.objects.count() == 5
    assert (first.created_count, first.skipped_count) == (5, 0)
    assert (second.created_count, second.skipped_count, second.error_count) == (0, 5, 0)


def test_a_failed_batch_leaves_the_job_failed_and_resumable(
    client, cohort, secretariat, people, monkeypatch
):
    monkeypatch.setattr(imports, "BATCH_ROWS", 2)
    client.force_login(secretariat)
    post(client, cohort, "email\n" + "\n".join(p.email for p in people) + "\n")
    job = ImportJob.objects.get()
    original = imports._enrol_row

    def breaks_on_the_third(job, row, by, context):
        if row["email"] == people[2].email:
            raise RuntimeError("database went away")
        return original(job, row, by, context)

    monkeypatch.setattr(imports, "_enrol_row", breaks_on_the_third)
    assert imports.import_job_run.call(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.created_count) == ("failed", 2, 2)
    assert "database went away" in job.failure
    assert Enrolment.objects.count() == 2  # the broken batch was rolled back whole


@pytest.mark.parametrize("name, body", [
    ("no header", "someone@example.org\n"),
    ("not UTF-8", "email\nJos\xe9@example.org\n"),
    ("header only", "email\n"),
])
def test_a_bad_file_is_a_form_error_and_stores_nothing(client, cohort, secretariat, name, body):
    client.force_login(secretariat)
    data = body.encode("latin-1") if name == "not UTF-8" else body.encode()
    response = client.post(reverse("courses_bulk_enrol", args=[cohort.pk]),
                           {"file": SimpleUploadedFile("x.csv", data)})
    assert response.status_code == 200
    assert response.context["form"].errors, name
    assert not ImportJob.objects.exists() and not Enrolment.objects.exists()


def test_refused_rows_download_as_csv_with_a_bom(client, cohort, secretariat):
    client.force_login(secretariat)
    post(client, cohort, "email\n=cmd@example.org\n")
    job = ImportJob.objects.get()
    imports.import_job_run.call(job_id=job.pk)
    response = client.get(reverse("courses_import_errors", args=[job.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("\ufeffLine,Value,Reason")
    assert "'=cmd@example.org" in text  # a formula is quoted


def test_only_the_sender_and_staff_see_a_job(client, cohort, secretariat, learner, editor):
    client.force_login(secretariat)
    post(client, cohort, "email\nsomeone@example.org\n")
    job = ImportJob.objects.get()
    urls = [reverse("courses_import", args=[job.pk]),
            reverse("courses_import_errors", args=[job.pk])]
    other_secretariat = UserFactory(roles=[roles.SECRETARIAT])
    for who in (other_secretariat, learner, editor):
        client.force_login(who)
        for url in urls:
            assert client.get(url).status_code in (302, 403, 404), (who, url)
    client.force_login(other_secretariat)
    listing = client.get(reverse("courses_imports"))
    assert listing.status_code == 200 and "people.csv" not in listing.content.decode()
    client.force_login(secretariat)
    assert "people.csv" in client.get(reverse("courses_imports")).content.decode()
    staff = UserFactory(roles=[roles.SECRETARIAT], is_staff=True)
    client.force_login(staff)
    assert client.get(urls[0]).status_code == 200
    assert "people.csv" in client.get(reverse("courses_imports")).content.decode()


def test_the_import_listing_keeps_its_queries_constant(
    client, cohort, secretariat, django_assert_max_num_queries
):
    client.force_login(secretariat)
    for _ in range(3):
        post(client, cohort, "email\nsomeone@example.org\n")
    with django_assert_max_num_queries(15):
        assert client.get(reverse("courses_imports")).status_code == 200


def test_account_erasure_forgets_the_sender_and_the_refused_rows_of_the_person(
    client, cohort, secretariat
):
    from cms.accounts.personal_data import account_erase, personal_data_export

    refused = UserFactory(email="refused.person@example.org")
    client.force_login(secretariat)
    post(client, cohort, "email\nnobody@example.org\n")
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        errors=[[2, "nobody@example.org", "No account"], [3, refused.email, "Not eligible"]]
    )
    sent = personal_data_export(user=secretariat)["sections"]["courses"]["imports_sent"]
    assert sent[0]["file_name"] == "people.csv"
    account_erase(user=refused)
    job.refresh_from_db()
    assert job.errors == [[2, "nobody@example.org", "No account"]]
    account_erase(user=secretariat)
    job.refresh_from_db()
    assert job.created_by is None and job.total_rows == 1
