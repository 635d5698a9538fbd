"""cms.pages.services: the writes of site pages that other apps ask for."""

import pytest

from cms.pages.models import StandardPage
from cms.pages.services import standard_page_create
from cms.refusals import Refusal
from tests.factories import UserFactory


def test_standard_page_create_drafts_under_the_home_of_the_language(home_pages):
    owner = UserFactory()
    page = standard_page_create(
        language="fr", title="Questions", intro="Tiré d’un salon.",
        body=[("quote", {"text": "Bonjour", "attribution": "Ana"})], owner=owner,
    )
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live is False and page.owner == owner
    assert page.get_parent().pk == home_pages["fr"].pk
    assert page.get_latest_revision() is not None
    assert [block.value["text"] for block in page.body] == ["Bonjour"]


def test_falls_back_to_the_default_language(home_pages):
    page = standard_page_create(language="de", title="Fallback")
    assert page.get_parent().pk == home_pages["en"].pk


@pytest.mark.django_db
def test_refuses_without_a_home_page():
    with pytest.raises(Refusal) as refused:
        standard_page_create(language="en", title="Nowhere")
    assert refused.value.code == "not_found"
