"""The demo data: loads, is idempotent, is translated, and its counts follow the sources."""

import io

import pytest

from cms.directory import demo as directory_demo
from frameworks import demo, selectors
from frameworks.models import ArticleTag, CountryStatus, Framework, FrameworkPage

pytestmark = pytest.mark.django_db


def test_seed_twice_changes_nothing_the_second_time(home_pages, client):
    directory_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    counts = (Framework.objects.count(), CountryStatus.objects.count(),
              FrameworkPage.objects.count(), ArticleTag.objects.count())
    demo.seed(io.StringIO())
    assert counts == (Framework.objects.count(), CountryStatus.objects.count(),
                      FrameworkPage.objects.count(), ArticleTag.objects.count())
    assert counts[0] == 5 and counts[2] == 20
    a70 = Framework.objects.get(code="A-70")
    table = selectors.status_table(a70)
    assert table.general_entry_into_force.isoformat() == "2017-01-11"
    assert table.counts["parties"] == 11  # IACHR, May 2023 (Paraguay pending deposit)
    assert selectors.status_table(Framework.objects.get(code="A-68")).counts["parties"] == 6
    html = client.get("/es/legal-frameworks/a-70/").content.decode()
    assert "Estados parte" in html and "Convención Interamericana" in html
    assert "States Parties" not in html and "instrument contains declarations" not in html
    assert "El instrumento contiene declaraciones" in html
    assert client.get("/fr/legal-frameworks/sca-2012/").status_code == 200
