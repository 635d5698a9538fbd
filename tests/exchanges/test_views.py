import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from cms.accounts import roles
from exchanges.models import (
    Attachment,
    Evaluation,
    ExchangeRequest,
    Notification,
    Offer,
    Report,
    State,
)
from tests.exchanges import documents
from tests.factories import (
    AgencyFactory,
    CountryFactory,
    ThemeFactory,
    UserFactory,
    focal_point_for,
    staff_of,
)
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def form_data(agency, **extra):
    data = {
        "requesting_agency": agency.pk,
        "title": "Targeting cash transfers",
        "problem": "Transfers miss poor households.",
        "need": "Learn about social registries.",
        "objectives": "A targeting model.",
        "expected_results": "A pilot.",
        "languages": ["es"],
        "activities-TOTAL_FORMS": "2",
        "activities-INITIAL_FORMS": "0",
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "6",
        "activities-0-modality": "virtual",
        "activities-0-description": "Kick-off call",
        "activities-1-modality": "study_visit",
    }
    data.update(extra)
    return data


def test_focal_point_saves_a_draft_with_chained_activities_and_an_attachment(client):
    agency = AgencyFactory()
    user = focal_point_for(agency)
    client.force_login(user)
    data = form_data(agency, save="1", attachment=documents.upload("plan.docx", documents.DOCX))
    response = client.post(reverse("exchanges:create"), data)
    req = ExchangeRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("exchanges:edit", args=[req.pk])
    assert req.state == State.DRAFT and req.created_by == user
    assert list(req.activities.values_list("modality", flat=True)) == ["virtual", "study_visit"]
    attachment = req.attachments.get()
    assert attachment.content_type.endswith("wordprocessingml.document")
    # Served only through the view, with its original bytes.
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == documents.DOCX
    assert "attachment" in download["Content-Disposition"]
    # Resume the draft: the form shows what was saved.
    page = client.get(reverse("exchanges:edit", args=[req.pk]))
    assert page.context["form"].instance == req
    assert "plan.docx" in page.content.decode()


def test_disguised_attachment_is_refused_and_nothing_is_saved(client):
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    data = form_data(agency, attachment=documents.upload("plan.pdf", documents.EXECUTABLE))
    response = client.post(reverse("exchanges:create"), data)
    assert response.status_code == 200
    assert "is not a PDF document" in response.content.decode()
    assert not ExchangeRequest.objects.exists() and not Attachment.objects.exists()


def test_oversize_attachment_is_refused(client, settings):
    settings.EXCHANGES_ATTACHMENT_MAX_BYTES = 100
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    data = form_data(agency, attachment=documents.upload("big.pdf", documents.PDF + b"0" * 200))
    response = client.post(reverse("exchanges:create"), data)
    assert response.status_code == 200
    assert "the limit is 100" in response.content.decode()
    assert not ExchangeRequest.objects.exists()


def test_save_and_submit_then_editing_is_closed(client):
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    response = client.post(reverse("exchanges:create"), form_data(agency, submit="1"))
    req = ExchangeRequest.objects.get()
    assert response.url == req.get_absolute_url()
    assert req.state == State.SUBMITTED
    assert client.get(reverse("exchanges:edit", args=[req.pk])).status_code == 403
    response = client.post(reverse("exchanges:edit", args=[req.pk]), form_data(agency))
    assert response.status_code == 403
    req.refresh_from_db()
    assert req.title == "Targeting cash transfers"


def test_cannot_file_for_an_agency_one_does_not_represent(client):
    mine, theirs = AgencyFactory(), AgencyFactory()
    client.force_login(focal_point_for(mine))
    response = client.post(reverse("exchanges:create"), form_data(theirs))
    assert response.status_code == 200
    assert "requesting_agency" in response.context["form"].errors
    assert not ExchangeRequest.objects.exists()


def test_learner_cannot_open_the_form(client):
    client.force_login(UserFactory())
    assert client.get(reverse("exchanges:create")).status_code == 403


def test_secretariat_reviews_and_approves_through_the_page(client):
    req = request_in(State.UNDER_REVIEW)
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    client.force_login(secretariat)
    url = req.get_absolute_url()
    page = client.get(url)
    assert [a.name for a in page.context["actions"]] == ["request_changes", "reject", "approve"]
    # Approving before the rubric is refused with a clear message.
    response = client.post(
        reverse("exchanges:fire", args=[req.pk]),
        {"action": "approve", "version": req.version},
        follow=True,
    )
    assert "Record the review rubric" in response.content.decode()
    bad = client.post(
        reverse("exchanges:review", args=[req.pk]),
        {"relevance": 9, "clarity": 4, "commitment": 4, "feasibility": 4},
        follow=True,
    )
    assert "score from 1 to 5" in bad.content.decode()
    client.post(
        reverse("exchanges:review", args=[req.pk]),
        {"relevance": 5, "clarity": 4, "commitment": 4, "feasibility": 3, "comments": "Good"},
    )
    response = client.post(
        reverse("exchanges:fire", args=[req.pk]),
        {"action": "approve", "version": req.version, "comment": "Go", "open_to_offers": "on"},
        follow=True,
    )
    req.refresh_from_db()
    assert req.state == State.APPROVED and req.open_to_offers
    body = response.content.decode()
    assert "Audit trail" in body and "Go" in body
    assert req.reviews.get().total == 16


def test_stale_page_is_refused(client):
    req = request_in(State.SUBMITTED)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    url = reverse("exchanges:fire", args=[req.pk])
    client.post(url, {"action": "start_review", "version": req.version})
    response = client.post(url, {"action": "start_review", "version": req.version}, follow=True)
    assert "Someone else changed this request" in response.content.decode()
    assert req.transitions.filter(action="start_review").count() == 1


def test_offer_then_requester_accepts(client):
    req = request_in(State.APPROVED)
    requester = focal_point_for(req.requesting_agency)
    provider_agency = AgencyFactory(country=CountryFactory())
    provider = focal_point_for(provider_agency)
    client.force_login(provider)
    page = client.get(req.get_absolute_url())
    assert page.context["offer_form"] is not None
    client.post(
        reverse("exchanges:offer", args=[req.pk]),
        {"agency": provider_agency.pk, "message": "We ran this programme for ten years."},
    )
    offer = Offer.objects.get()
    # A second offer from the same agency is refused.
    again = client.post(
        reverse("exchanges:offer", args=[req.pk]),
        {"agency": provider_agency.pk, "message": "Again"},
        follow=True,
    )
    assert "already made an offer" in again.content.decode()
    assert Offer.objects.count() == 1
    assert Notification.objects.filter(user=requester, text__contains="offers").exists()
    # The provider cannot pick its own offer.
    response = client.post(
        reverse("exchanges:offer_accept", args=[req.pk, offer.pk]), {"version": req.version}
    )
    assert response.status_code == 403
    client.force_login(requester)
    client.post(
        reverse("exchanges:offer_accept", args=[req.pk, offer.pk]), {"version": req.version}
    )
    req.refresh_from_db()
    assert req.state == State.PROVIDER_MATCHED and req.provider_agency == provider_agency
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ACCEPTED


def test_both_sides_report_then_state_moves(client):
    req = request_in(State.COMPLETED)
    requester = focal_point_for(req.requesting_agency)
    provider = focal_point_for(req.provider_agency)
    report = {
        "activities": "Visits",
        "participants": "8",
        "results": "A model",
        "next_steps": "Pilot",
    }
    client.force_login(requester)
    client.post(
        reverse("exchanges:report", args=[req.pk]), {**report, "agency": req.requesting_agency_id}
    )
    req.refresh_from_db()
    assert req.state == State.COMPLETED
    # Reporting twice for the same side is refused.
    assert client.get(reverse("exchanges:report", args=[req.pk])).status_code == 403
    client.force_login(provider)
    client.post(
        reverse("exchanges:report", args=[req.pk]), {**report, "agency": req.provider_agency_id}
    )
    req.refresh_from_db()
    assert req.state == State.REPORTS_SUBMITTED
    assert Report.objects.filter(request=req).count() == 2


def test_participant_evaluation_opens_after_the_end_date(client):
    req = request_in(State.COMPLETED)
    participant = staff_of(req.requesting_agency)
    client.force_login(participant)
    url = reverse("exchanges:evaluate", args=[req.pk, "participant"])
    req.period_end = timezone.localdate() + datetime.timedelta(days=1)
    req.save()
    assert client.get(url).status_code == 404
    req.period_end = timezone.localdate() - datetime.timedelta(days=1)
    req.save()
    assert client.get(url).status_code == 200
    client.post(url, {"satisfaction": 5, "usefulness": 4, "narrative": "Useful"})
    assert Evaluation.objects.get().kind == "participant"
    client.post(url, {"satisfaction": 5, "usefulness": 4})
    assert Evaluation.objects.count() == 1


def test_follow_up_survey_opens_ninety_days_after_completion(client):
    req = request_in(State.COMPLETED)
    client.force_login(focal_point_for(req.requesting_agency))
    url = reverse("exchanges:evaluate", args=[req.pk, "follow_up"])
    assert client.get(url).status_code == 404
    ExchangeRequest.objects.filter(pk=req.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=91)
    )
    assert client.get(url).status_code == 200


def test_notifications_list_badge_and_mark_read(client):
    req = request_in(State.SUBMITTED)
    requester = focal_point_for(req.requesting_agency)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    client.post(
        reverse("exchanges:fire", args=[req.pk]), {"action": "start_review", "version": req.version}
    )
    client.force_login(requester)
    page = client.get(reverse("exchanges:notifications"))
    assert "Under review" in page.content.decode()
    assert '<span class="badge">' in page.content.decode()
    client.post(reverse("exchanges:notifications_read"))
    assert not Notification.objects.filter(user=requester, read_at__isnull=True).exists()


def test_notifications_are_in_the_persons_language():
    req = request_in(State.SUBMITTED)
    requester = focal_point_for(req.requesting_agency, preferred_language="es")
    from exchanges import workflow

    workflow.transition(req, "start_review", by=UserFactory(roles=[roles.SECRETARIAT]))
    assert "En revisión" in Notification.objects.get(user=requester).text


def test_public_list_filters(client):
    theme = ThemeFactory()
    shown = request_in(State.CLOSED, publish_summary=True, summary="A public summary")
    shown.themes.add(theme)
    request_in(State.CLOSED, publish_summary=True)
    request_in(State.CLOSED, publish_summary=False)
    url = reverse("exchanges:public_list")
    assert len(client.get(url).context["exchanges"]) == 2
    assert [e.pk for e in client.get(url, {"theme": theme.pk}).context["exchanges"]] == [shown.pk]
    country = shown.provider_agency.country
    assert [e.pk for e in client.get(url, {"country": country.pk}).context["exchanges"]] == [
        shown.pk
    ]
    assert len(client.get(url, {"modality": "study_visit"}).context["exchanges"]) == 2
    assert len(client.get(url, {"modality": "workshop"}).context["exchanges"]) == 0
    year = shown.completed_at.year
    assert len(client.get(url, {"year": year}).context["exchanges"]) == 2
    # Issue 16, point 13: a year that is not a year is a 400 (the list shows the error).
    assert client.get(url, {"year": "abc"}).status_code == 400
    assert client.get(url, {"country": 999_999}).status_code == 200


def test_internal_actions_cannot_be_fired_from_a_button(client):
    req = request_in(State.APPROVED)
    client.force_login(focal_point_for(req.requesting_agency))
    response = client.post(
        reverse("exchanges:fire", args=[req.pk]),
        {"action": "match", "version": req.version},
        follow=True,
    )
    assert "could not be read" in response.content.decode()
    req.refresh_from_db()
    assert req.state == State.APPROVED


def test_requester_withdraws_from_the_page_with_a_reason(client):
    req = request_in(State.APPROVED)
    requester = focal_point_for(req.requesting_agency)
    client.force_login(requester)
    page = client.get(req.get_absolute_url()).content.decode()
    assert 'value="withdraw"' in page
    assert "Reason for “Withdraw” (required)" in page
    url = reverse("exchanges:fire", args=[req.pk])
    refused = client.post(
        url, {"action": "withdraw", "version": req.version, "comment": " "}, follow=True
    )
    assert "A reason is required" in refused.content.decode()
    req.refresh_from_db()
    assert req.state == State.APPROVED
    done = client.post(
        url,
        {"action": "withdraw", "version": req.version, "comment": "The ministry merged it."},
        follow=True,
    )
    html = done.content.decode()
    req.refresh_from_db()
    assert req.state == State.WITHDRAWN
    assert "This request was withdrawn on" in html and "The ministry merged it." in html
    # Read-only: no button, no edit link, no offer form, even for another focal point.
    assert "action-form" not in html and reverse("exchanges:edit", args=[req.pk]) not in html
    assert client.get(reverse("exchanges:edit", args=[req.pk])).status_code == 403


def test_withdrawn_page_in_spanish(client):
    req = request_in(State.WITHDRAWN, withdrawn_from=State.SUBMITTED)
    client.force_login(focal_point_for(req.requesting_agency))
    html = client.get(f"/es/exchanges/{req.pk}/").content.decode()
    assert "Esta solicitud fue retirada el" in html
    assert "Retirada" in html


def test_open_calls_lists_approved_requests_open_to_offers(client):
    shown = request_in(State.APPROVED)
    request_in(State.UNDER_REVIEW)
    request_in(State.WITHDRAWN, withdrawn_from=State.APPROVED)
    client.force_login(focal_point_for(AgencyFactory()))
    response = client.get(reverse("exchanges:open_calls"))
    assert [e.pk for e in response.context["exchanges"]] == [shown.pk]
    assert shown.title in response.content.decode()


def test_self_declared_agency_files_no_participant_evaluation(client):
    """Issue 16, point 5: picking an agency in one's profile is a claim, not a grant."""
    req = request_in(State.COMPLETED)
    req.period_end = timezone.localdate() - datetime.timedelta(days=1)
    req.save()
    client.force_login(UserFactory(agency=req.requesting_agency))
    url = reverse("exchanges:evaluate", args=[req.pk, "participant"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"satisfaction": 1, "usefulness": 1}).status_code == 404
    assert not Evaluation.objects.exists()
    from exchanges import permissions

    assert not permissions.may_evaluate(UserFactory(agency=req.provider_agency), req,
                                        "participant")


def test_attachment_missing_on_disk_is_a_404_not_a_500(client):
    """Issue 16: a row whose file is gone (a restore without the attachment directory)."""
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    data = form_data(agency, save="1", attachment=documents.upload("plan.docx", documents.DOCX))
    client.post(reverse("exchanges:create"), data)
    attachment = Attachment.objects.get()
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(attachment.get_absolute_url()).status_code == 404
