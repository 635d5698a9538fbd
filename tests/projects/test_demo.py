from django.core.management import call_command

import pytest

from projects.enums import Modality
from projects.models import Project, ProjectPage

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_covers_the_four_modalities(client):
    from io import StringIO

    call_command("seed_demo", stdout=StringIO())
    first = (Project.objects.count(), ProjectPage.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Project.objects.count(), ProjectPage.objects.count()) == first
    assert first == (8, 32)
    assert set(Project.objects.values_list("modality", flat=True)) == set(Modality.values)
    assert not Project.objects.filter(illustrative=False).exists()
    for code in ("en", "es", "fr", "pt"):
        assert client.get(f"/{code}/projects/").status_code == 200
    page = client.get("/es/projects/peru-disability-registry/").content.decode()
    assert "Hogares del registro con datos de discapacidad" in page
    assert "Latest actual" not in page  # no English on the Spanish page (once translated)
    assert client.get("/api/projects/iati.xml").status_code == 200
