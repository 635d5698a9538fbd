"""The database engine's index table: one row per live page (see ``search.indexing``)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from wagtail.models import Page

from cms.directory.models import Agency, Country, PopulationGroup, Theme


class SearchDocument(models.Model):
    """One live page as the database engine indexes it (experiences carry their facets).

    Rows are written only by ``search.indexing``; the full-text index lives beside this table
    (an FTS5 table on SQLite, the ``search_vector`` column with a GIN index on PostgreSQL, plus
    ``title_vector`` for ranking). On PostgreSQL the row itself stays narrow (the texts and the
    search vector are kept out of line, only the small title vector in the row): a query
    matching half the documents then reads little more than the rows' keys (see migration 0006).
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="search_document", primary_key=True
    )
    kind = models.CharField(max_length=100, db_index=True)
    language = models.CharField(max_length=2, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    country = models.ForeignKey(Country, null=True, on_delete=models.SET_NULL, related_name="+")
    agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, db_index=True)
    themes = models.ManyToManyField(Theme, related_name="+")
    population_groups = models.ManyToManyField(PopulationGroup, related_name="+")
    published_at = models.DateTimeField(null=True, db_index=True)
    search_vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["kind", "language"], name="searchdoc_kind_lang")]

    def __str__(self) -> str:
        return self.title
