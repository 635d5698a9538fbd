"""Help to fulfil (tags and accepted suggestions) and what forums give the shared registries."""

from django.utils import timezone

import pytest

from cms.refusals import Refusal
from forums import registries, selectors, services
from forums.models import CommitmentStatus, CommitmentTag
from tests.factories.forums import CountryReportFactory


@pytest.fixture
def course(home_page):
    from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

    return CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page),
                             title="Labour inspection in practice")


@pytest.mark.django_db
def test_tag_shows_on_commitment_and_country_matrix(client, commitment, course, editor,
                                                    learner, forum):
    with pytest.raises(Refusal):
        services.commitment_tag_add(commitment=commitment, content_object=course, by=learner)
    with pytest.raises(Refusal):  # a forum page does not serve a commitment
        services.commitment_tag_add(commitment=commitment, content_object=forum, by=editor)
    services.commitment_tag_add(commitment=commitment, content_object=course, by=editor)
    services.commitment_tag_add(commitment=commitment, content_object=course, by=editor)
    assert CommitmentTag.objects.count() == 1
    assert selectors.helpers_for([commitment.pk])[commitment.pk][0]["title"] == course.title
    assert course.title in client.get(f"/en/commitments/{commitment.pk}/").content.decode()
    assert course.title in client.get("/en/commitments/countries/PE/").content.decode()


@pytest.mark.django_db
def test_accepting_a_suggestion(client, commitment, course, editor, learner):
    url = f"/en/commitments/{commitment.pk}/tags/"
    client.force_login(learner)
    assert client.post(url, {"page": course.pk}).status_code == 403
    client.force_login(editor)
    assert client.post(url, {"page": "x"}).status_code == 400
    assert client.post(url, {"page": course.pk}).status_code == 302
    tag = CommitmentTag.objects.get()
    assert tag.from_suggestion and tag.added_by == editor


@pytest.mark.django_db
def test_registries(commitment, cycle, countries, forum, meeting):
    from cms.directory.models import Network

    report = CountryReportFactory(cycle=cycle, country=countries[0], state="accepted",
                                  accepted_at=timezone.now())
    CommitmentStatus.objects.create(report=report, commitment=commitment, status="achieved")
    section = registries.country_section(countries[0], None)
    assert section["total"] == 1 and ("Achieved", 1) in section["counts"]
    assert registries.country_headline([countries[0]]) == {countries[0].pk: 1}
    assert [r[0] for r in registries.commitment_rows()] == [commitment.pk]
    rows = list(registries.status_rows())
    assert rows[0][:4] == (commitment.pk, "PE", cycle.title, "achieved")
    network = Network.objects.create(slug="rial", name_en="RIAL")
    forum.network = network
    forum.save_revision().publish()
    items = registries.network_meetings(network, [], 5)
    assert [i["title"] for i in items] == [meeting.title]
    assert sum(row["n"] for row in registries.network_meetings_yearly(network, [])) == 1


@pytest.mark.django_db
def test_registered_in_shared_registries():
    from countries import sections
    from forums.models import ForumPage, MeetingPage
    from opendata import datasets
    from rooms import parents

    assert "forums" in {s.key for s in sections.registered()}
    assert {"forum-commitments", "forum-commitment-statuses"} <= {
        d.slug for d in datasets.registered()}
    assert parents.kind_of(ForumPage()) == "forum" and parents.kind_of(MeetingPage()) == "meeting"


@pytest.mark.django_db
def test_an_editor_sees_experiences_suggested_for_a_commitment(
    client, commitment, editor, home_page, django_capture_on_commit_callbacks
):
    """Seen as a 500 on the demo: the suggestions asked a module the restructure had moved."""
    from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = ExperiencePageFactory(
            parent=ExperienceIndexPageFactory(parent=home_page),
            title="Risk-based labour inspection in the Andes", original_language="en",
            summary="How an inspectorate chose where to inspect: strengthen labour inspection.",
        )
        page.save_revision().publish()
    client.force_login(editor)
    response = client.get(f"/en/commitments/{commitment.pk}/")
    assert response.status_code == 200
    assert page.title in response.content.decode()
