"""Admin › Political dialogue: the secretariat manages commitments and cycles; bad input
changes nothing."""

import pytest

from forums.models import Commitment, ReportingCycle
from tests.factories.forums import ForumPageFactory, MeetingPageFactory


@pytest.mark.django_db
def test_secretariat_creates_a_commitment(client, secretariat, forum, meeting, forum_index):
    other_meeting = MeetingPageFactory(parent=ForumPageFactory(parent=forum_index))
    client.force_login(secretariat)
    data = {"forum": forum.pk, "meeting": other_meeting.pk, "number": "7", "sort_key": 0,
            "text_en": "Ratify the convention.", "responsible": "all_members"}
    response = client.post("/admin/forum_commitments/new/", data)
    assert response.status_code == 200 and not Commitment.objects.exists()
    data["meeting"] = meeting.pk
    response = client.post("/admin/forum_commitments/new/", data)
    assert response.status_code == 302
    assert Commitment.objects.get().forum_id == forum.pk


@pytest.mark.django_db
def test_cycle_dates_in_order(client, secretariat, forum):
    client.force_login(secretariat)
    data = {"forum": forum.pk, "title": "2027", "opens_on": "2027-03-01",
            "closes_on": "2027-02-01"}
    assert client.post("/admin/forum_cycles/new/", data).status_code == 200
    assert not ReportingCycle.objects.exists()
    data["closes_on"] = "2027-06-30"
    assert client.post("/admin/forum_cycles/new/", data).status_code == 302
    assert ReportingCycle.objects.count() == 1


@pytest.mark.django_db
def test_editor_may_not_post_commitments(client, editor, forum, meeting):
    client.force_login(editor)
    client.post("/admin/forum_commitments/new/", {"forum": forum.pk, "meeting": meeting.pk,
                                                   "number": "1", "text_en": "x",
                                                   "responsible": "all_members"})
    assert not Commitment.objects.exists()
