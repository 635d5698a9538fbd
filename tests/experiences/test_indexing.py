"""Experiences reach the index through search's registry of indexable page types."""

import pytest

from experiences.indexing import INDEXED
from experiences.models import ExperiencePage
from search import registry
from search.indexing import live_pages, page_document, sync_pages
from search.models import SearchDocument
from tests.factories import PopulationGroupFactory, StandardPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_experiences_register_their_document_builder():
    assert registry.type_for(ExperiencePage()) is INDEXED
    assert INDEXED in registry.registered()


def test_an_experience_document_carries_its_facets_and_texts(publish, peru, cash_transfers):
    elders = PopulationGroupFactory(slug="older-persons")
    page = publish(
        "es",
        title="Pensión 65",
        summary="Una pensión <b>no contributiva</b>.",
        country=peru,
        themes=[cash_transfers],
        population_groups=[elders],
        start_year=2011,
        results="<p>Menos pobreza extrema.</p>",
    )
    doc = page_document(ExperiencePage.objects.get(pk=page.pk))
    assert doc.kind == "experiences.experiencepage" and doc.language == "es"
    assert doc.summary == "Una pensión no contributiva."
    assert "Menos pobreza extrema." in doc.body
    assert (doc.country_code, doc.year) == ("PE", 2011)
    assert doc.agency_id == page.agency_id and page.agency.acronym in doc.agency
    assert doc.theme_slugs == ["cash-transfers"] and doc.population_slugs == ["older-persons"]


def test_other_page_types_keep_the_generic_search_fields_path(home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="About", intro="Who we are")
    doc = page_document(page)
    assert registry.type_for(page) is None
    assert doc.kind == "pages.standardpage" and doc.summary == "Who we are"
    assert doc.country_id is None and doc.theme_ids == []


def test_indexing_a_batch_costs_the_same_queries_whatever_its_size(
    publish, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    pages = [publish(title=f"Experience {n}", themes=[ThemeFactory()]) for n in range(2)]
    with django_assert_max_num_queries(40) as few:
        sync_pages([p.pk for p in pages])
    pages += [publish(title=f"More {n}", themes=[ThemeFactory()]) for n in range(8)]
    with django_assert_max_num_queries(len(few.captured_queries)):
        sync_pages([p.pk for p in pages])
    assert SearchDocument.objects.filter(kind="experiences.experiencepage").count() == 10
    assert sum(isinstance(p, ExperiencePage) for p in live_pages()) == 10
