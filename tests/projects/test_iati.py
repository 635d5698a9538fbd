"""The IATI 2.03 export, validated against the official schema (tests/data/iati)."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from projects import iati
from tests.projects.builders import published_project

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "iati"

pytestmark = pytest.mark.django_db
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(str(SCHEMA_DIR / "iati-activities-schema.xsd"))


def test_export_of_every_published_project_is_valid_iati(indexes, client, schema):
    published_project(indexes, n=1)
    published_project(indexes, n=2, languages=("en", "es"))
    response = client.get("/api/projects/iati.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    schema.validate(response.content.decode())
    root = ET.fromstring(response.content)
    activities = root.findall("iati-activity")
    assert len(activities) == 2
    first = activities[0]
    assert first.findtext("iati-identifier") == "XX-PUENTE-2026-labour-1"
    languages = {n.get(XML_LANG) for n in first.findall("title/narrative")}
    assert languages == {"en", "es", "fr", "pt"}
    assert {n.get(XML_LANG) for n in activities[1].findall("title/narrative")} == {"en", "es"}
    assert first.find("activity-status").get("code") == "2"
    assert {s.get("code") for s in first.findall("sector")} == {"16070", "16010"}
    assert sum(int(c.get("percentage")) for c in first.findall("recipient-country")) == 100
    assert {p.get("role") for p in first.findall("participating-org")} == {"1", "4"}
    budgets = {(v.get("currency"), v.text) for v in first.findall("budget/value")}
    assert budgets == {("USD", "12345.67"), ("EUR", "500000.00"), ("CLP", "90000000")}
    actuals = first.findall("result/indicator/period/actual")
    assert {a.get("value") for a in actuals} == {"40.00", "25.00"}
    assert first.find("result/indicator/period/actual/dimension").get("value") == "female"


def test_one_project_and_unpublished_projects(indexes, client, schema):
    project = published_project(indexes, n=3)
    response = client.get(f"/api/projects/{project.code}/iati.xml")
    assert response.status_code == 200
    schema.validate(response.content.decode())
    for page in project.pages_by_language.values():
        page.unpublish()
    assert client.get(f"/api/projects/{project.code}/iati.xml").status_code == 404
    # The schema needs at least one activity: with none published there is no document.
    assert client.get("/api/projects/iati.xml").status_code == 404


def test_the_export_is_checked_by_a_schema_that_can_fail(indexes, schema):
    published_project(indexes, n=4, languages=("en",))
    broken = iati.activities_xml().replace(b'version="2.03"', b"")
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        schema.validate(broken.decode())
