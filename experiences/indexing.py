"""How an experience becomes a search document: its facets and its own texts.

Registered with ``search.registry`` in ``ExperiencesConfig.ready()``.
"""

from search.registry import IndexedType, PageDocument, plain_text

from .models import ExperiencePage

BODY_FIELDS = ("problem", "actions", "results", "lessons", "enabling_factors", "replicability")


def experience_document(page: ExperiencePage, doc: PageDocument) -> None:
    """Fill in ``doc`` from ``page``; reads only what ``INDEXED`` loads with the pages."""
    doc.summary = plain_text(page.summary)
    doc.body = " ".join(plain_text(getattr(page, name)) for name in BODY_FIELDS)
    doc.country_id = page.country_id
    doc.country_code = page.country.code
    doc.agency_id = page.agency_id
    if page.agency_id:
        doc.agency = f"{page.agency.name} {page.agency.acronym}".strip()
    doc.year = page.start_year
    themes = list(page.themes.all())
    groups = list(page.population_groups.all())
    doc.theme_ids, doc.theme_slugs = [t.pk for t in themes], [t.slug for t in themes]
    doc.population_ids = [g.pk for g in groups]
    doc.population_slugs = [g.slug for g in groups]


INDEXED = IndexedType(
    model=ExperiencePage,
    document=experience_document,
    select_related=("country", "agency"),
    prefetch_related=("themes", "population_groups"),
)
