"""The tracker, forum and meeting pages are kept in the cache: every change shows on the next
request, and what one reader may download never leaks to another."""

from django.utils import timezone

import pytest

from forums.models import CommitmentStatus, Delegation, ForumDocument
from tests.factories.forums import (
    CommitmentFactory,
    CountryReportFactory,
    DelegationFactory,
    ForumDocumentFactory,
)

pytestmark = pytest.mark.django_db


def test_the_kept_tracker_follows_reports_commitments_and_titles(client, forum, meeting, cycle,
                                                                  countries):
    one = CommitmentFactory(meeting=meeting)
    report = CountryReportFactory(cycle=cycle, country=countries[0], state="accepted",
                                  accepted_at=timezone.now())
    row = CommitmentStatus.objects.create(report=report, commitment=one, status="not_started")
    assert "Achieved: 0" in client.get("/en/commitments/").content.decode()
    row.status = "achieved"
    row.save()
    assert "Achieved: 1" in client.get("/en/commitments/").content.decode()
    CommitmentFactory(meeting=meeting, text_en="Guarantee social protection floors")
    assert "Guarantee social protection floors" in client.get("/en/commitments/").content.decode()
    forum.acronym = "CIMT"
    forum.save_revision().publish()
    assert "CIMT" in client.get("/en/commitments/").content.decode()
    # Each filter is its own answer.
    assert "Achieved: 0" in client.get("/en/commitments/?status=in_progress").content.decode()


def test_the_kept_forum_page_follows_meetings_and_documents(client, forum, meeting):
    assert meeting.title in client.get(forum.url).content.decode()
    meeting.title = "Extraordinary meeting of ministers"
    meeting.save_revision().publish()
    assert "Extraordinary meeting of ministers" in client.get(forum.url).content.decode()
    ForumDocumentFactory(forum=forum, title_en="Declaration of Medellín", with_file=False)
    assert "Declaration of Medellín" in client.get(forum.url).content.decode()


def test_what_a_reader_may_download_is_never_kept_for_another(client, forum, meeting,
                                                              countries, peru_fp, private_root):
    private = ForumDocumentFactory(forum=forum, meeting=meeting,
                                   access=ForumDocument.Access.DELEGATES)
    link = f"/en/forums/documents/{private.pk}/en/"
    assert link not in client.get(meeting.url).content.decode()  # anonymous, kept
    DelegationFactory(meeting=meeting, country=countries[0], state=Delegation.State.CONFIRMED)
    client.force_login(peru_fp)
    assert link in client.get(meeting.url).content.decode()
    client.logout()
    assert link not in client.get(meeting.url).content.decode()
