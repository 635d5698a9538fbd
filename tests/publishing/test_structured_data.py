"""schema.org JSON-LD: parsed from the page and checked for each type's required properties."""

import json
import re

import pytest

from cms.publishing import structured_data
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory
from tests.factories.publishing import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


def json_ld(client, path) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(block) for block in blocks]
    for item in data:
        assert item["@context"] == "https://schema.org"
    return data


def one(client, path, kind) -> dict:
    found = [item for item in json_ld(client, path) if item["@type"] == kind]
    assert len(found) == 1, found
    return found[0]


def assert_organization(value):
    assert value["@type"] == "Organization"
    assert value["name"] and value["url"].startswith("http")


def test_home_page_describes_the_department(client, home_pages):
    organization = one(client, "/es/", "Organization")
    assert organization["name"] == "Departamento de Inclusión Social"
    assert organization["url"] == f"{BASE}/es/"
    assert organization["parentOrganization"]["name"] == "Organización de los Estados Americanos"


def test_a_course_is_a_course_provided_by_the_department(client, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=catalogue, slug="care", title="Care systems", estimated_hours=16)
    course = one(client, "/en/courses/care/", "Course")
    assert course["name"] == "Care systems"
    assert course["description"] == "Designing social protection for informal workers."
    assert_organization(course["provider"])
    assert course["hasCourseInstance"][0]["courseWorkload"] == "PT16H"


def test_a_webinar_is_an_online_event_without_its_join_link(client, home_page):
    index = WebinarIndexPageFactory(parent=home_page)
    webinar = WebinarPageFactory(parent=index, slug="care-systems", title="Care in practice")
    event = one(client, "/en/webinars/care-systems/", "Event")
    assert event["name"] == "Care in practice"
    assert event["startDate"] == webinar.starts_at.isoformat()
    assert event["endDate"] == webinar.ends_at.isoformat()
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation",
                                 "url": f"{BASE}/en/webinars/care-systems/"}
    assert_organization(event["organizer"])
    assert "meet.example.org" not in json.dumps(event)


def test_an_experience_is_an_article_by_its_agency(client, home_page):
    library = ExperienceIndexPageFactory(parent=home_page)
    experience = ExperiencePageFactory(parent=library, slug="one-stop", title="One-stop shops")
    experience.save_revision().publish()
    article = one(client, "/en/experiences/one-stop/", "Article")
    assert article["headline"] == "One-stop shops"
    assert article["datePublished"]
    assert article["author"] == {"@type": "GovernmentOrganization",
                                 "name": experience.agency.name}
    assert_organization(article["publisher"])


def test_news_and_events_of_the_department(client, news_indexes):
    NewsPageFactory(parent=news_indexes["en"], slug="forum", title="Forum in Lima")
    EventPageFactory(parent=news_indexes["en"], slug="workshop", title="Care workshop")
    news = one(client, "/en/news/forum/", "NewsArticle")
    assert news["headline"] == "Forum in Lima" and news["datePublished"]
    assert_organization(news["author"])
    assert_organization(news["publisher"])
    event = one(client, "/en/news/workshop/", "Event")
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = event["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Lima"
    assert online["@type"] == "VirtualLocation"
    assert event["startDate"] and event["name"] == "Care workshop"
    assert_organization(event["organizer"])


def test_text_cannot_close_the_script_block(client, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=catalogue, slug="x", title="</script><script>alert(1)</script>")
    html = client.get("/en/courses/x/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_a_page_type_opts_in_with_a_method_or_a_registered_builder(rf, home_page):
    class Meeting:
        title = "Meeting"

        def schema_org(self, request):
            return {"@type": "Event", "name": self.title}

    assert structured_data.objects_for(Meeting(), rf.get("/")) == [
        {"@context": "https://schema.org", "@type": "Event", "name": "Meeting"}
    ]

    class Report:
        title = "Report"

    structured_data.register("Report")(lambda page, request: {"@type": "Report"})
    try:
        assert structured_data.objects_for(Report(), rf.get("/"))[0]["@type"] == "Report"
    finally:
        del structured_data._BUILDERS["Report"]
    assert structured_data.objects_for(object(), rf.get("/")) == []
