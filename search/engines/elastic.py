"""The Elasticsearch engine (elasticsearch.dsl): same contract as the database engine."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.conf import settings

from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import bulk

from ..documents import page_index
from .base import (
    EXPERIENCE_KIND,
    INDEX_VERSION,
    Engine,
    FacetValue,
    SearchHit,
    SearchQuery,
    SearchResults,
    SimilarHit,
)
from .highlight import snippet

TEXT_FIELDS = ["title^3", "title.*^3", "summary^2", "summary.*^2", "body", "body.*", "agency"]
FACET_FIELDS = {
    "country": "country",
    "theme": "themes",
    "population": "populations",
    "year": "year",
    "language": "language",
}
FACET_SIZE = 200
SUGGEST_FIELDS = ("title", "summary", "body")


def filters_for(query: SearchQuery) -> dict[str, Q]:
    """One filter per active facet (the keys of ``FACET_FIELDS``)."""
    filters = {}
    for name, values in (
        ("country", query.countries),
        ("theme", query.themes),
        ("population", query.populations),
        ("language", query.languages),
    ):
        if values:
            filters[name] = Q("terms", **{FACET_FIELDS[name]: list(values)})
    if query.agencies:
        filters["agency"] = Q("terms", agency_id=list(query.agencies))
    if query.year_from is not None or query.year_to is not None:
        bounds = {}
        if query.year_from is not None:
            bounds["gte"] = query.year_from
        if query.year_to is not None:
            bounds["lte"] = query.year_to
        filters["year"] = Q("range", year=bounds)
    return filters


def build_search(query: SearchQuery, *, index: str = "puente-pages", fuzzy: bool = False) -> Search:
    """The request body for ``query``: text query, post-filters, facet aggregations, highlights.

    Each facet aggregates under a filter of every *other* active facet, while the hits are
    narrowed by all of them in ``post_filter`` — the usual faceted-search arrangement.
    """
    words = query.terms
    search = Search(index=index)
    must = []
    if words:
        must.append(
            Q(
                "multi_match",
                query=" ".join(words),
                fields=TEXT_FIELDS,
                type="most_fields",
                operator="or" if fuzzy else "and",
                **({"fuzziness": "AUTO", "prefix_length": 1} if fuzzy else {}),
            )
        )
    kinds = [Q("terms", kind=list(query.kinds))] if query.kinds else []
    search = search.query(Q("bool", must=must or [Q("match_all")], filter=kinds))
    filters = filters_for(query)
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    if query.facets:
        for name, field in FACET_FIELDS.items():
            others = [q for key, q in filters.items() if key != name]
            bucket = search.aggs.bucket(name, "filter", Q("bool", filter=others))
            bucket.bucket("values", "terms", field=field, size=FACET_SIZE)
    search = search.highlight_options(
        pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", fragment_size=240,
        number_of_fragments=1, no_match_size=240,
    ).highlight("summary", "body")
    if query.sort == "newest":
        search = search.sort("-year", "-published_at")
    elif not words:
        search = search.sort("-published_at")
    if fuzzy and words:
        # What each typed word was probably meant to be, to say "Showing results for …".
        for name in SUGGEST_FIELDS:
            search = search.suggest(
                name, " ".join(words), term={"field": name, "suggest_mode": "missing"}
            )
    return search[query.offset : query.offset + query.per_page].extra(track_total_hits=True)


def corrected_text(words: list[str], suggest) -> str:
    """The typed words with the best-scored suggestion (any field) for each, if one changed."""
    best: dict[str, tuple[float, int, str]] = {}
    for name in SUGGEST_FIELDS:
        for entry in getattr(suggest, name, None) or []:
            for option in entry.options:
                key = (option.score, option.freq, option.text)
                if entry.text not in best or key > best[entry.text]:
                    best[entry.text] = key
    fixed = [best[w][2] if w in best else w for w in words]
    return " ".join(fixed) if fixed != words else ""


def build_similar(
    text: str,
    *,
    themes: Sequence[str],
    populations: Sequence[str],
    exclude: Iterable[int],
    limit: int,
    index: str = "puente-pages",
) -> Search:
    """``more_like_this`` over experiences, raised by shared themes and population groups."""
    should = [
        Q(
            "more_like_this",
            fields=["title", "summary", "body"],
            like=text[:20000],
            min_term_freq=1,
            min_doc_freq=1,
            max_query_terms=30,
        )
    ]
    if themes:
        should.append(Q("terms", themes=list(themes), boost=2.0))
    if populations:
        should.append(Q("terms", populations=list(populations), boost=1.0))
    query = Q(
        "bool",
        should=should,
        minimum_should_match=1,
        filter=[Q("term", kind=EXPERIENCE_KIND)],
        must_not=[Q("ids", values=[str(pk) for pk in exclude])] if exclude else [],
    )
    fields = ["agency_id", "title", "url", "language"]
    return Search(index=index).query(query).source(fields)[:limit]


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, url: str, *, prefix: str = "puente"):
        self.url = url
        self.alias = f"{prefix}-pages"
        self.prefix = prefix
        self._client = None

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            self._client = Elasticsearch(self.url, request_timeout=10)
        return self._client

    # -- querying --------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        response = build_search(query, index=self.alias).using(self.client).execute()
        if response.hits.total.value == 0 and query.terms:
            # Typo-tolerant fallback: any word, with edit distance, when nothing matched.
            response = (
                build_search(query, index=self.alias, fuzzy=True).using(self.client).execute()
            )
        words = query.terms
        corrected = ""
        suggest = getattr(response, "suggest", None)
        if response.hits.total.value and suggest is not None:
            corrected = corrected_text(words, suggest)
        codes = {hit.country for hit in response.hits if getattr(hit, "country", None)}
        facets = self._facets(response, query) if query.facets else {}
        countries = self._labels("country", codes | {f.value for f in facets.get("country", [])})
        if facets:
            facets["country"] = [
                FacetValue(f.value, countries.get(f.value, f.value), f.count, f.selected)
                for f in facets["country"]
            ]
        hits = []
        for hit in response.hits:
            highlight = getattr(hit.meta, "highlight", None)
            fragments = []
            if highlight is not None:
                fragments = list(getattr(highlight, "summary", [])) + list(
                    getattr(highlight, "body", [])
                )
            code = getattr(hit, "country", None)
            hits.append(
                SearchHit(
                    page_id=int(hit.meta.id),
                    title=hit.title,
                    url=hit.url,
                    kind=hit.kind,
                    language=hit.language,
                    snippet=fragments[0]
                    if fragments
                    else snippet(f"{hit.summary} {getattr(hit, 'body', '')}", words),
                    score=float(hit.meta.score or 0.0),
                    country_code=code,
                    country=countries.get(code) if code else None,
                    agency_id=getattr(hit, "agency_id", None),
                    agency=getattr(hit, "agency_label", None) or None,
                    year=getattr(hit, "year", None),
                )
            )
        return SearchResults(
            total=response.hits.total.value,
            page=query.page,
            per_page=query.per_page,
            hits=hits,
            facets=facets,
            corrected=corrected,
        )

    @staticmethod
    def _labels(kind: str, values: set[str]) -> dict[str, str]:
        from cms.directory.models import Country, PopulationGroup, Theme

        if not values:
            return {}
        if kind == "country":
            return {c.code: c.name for c in Country.objects.filter(code__in=values)}
        model = Theme if kind == "theme" else PopulationGroup
        return {o.slug: o.name for o in model.objects.filter(slug__in=values)}

    def _facets(self, response, query: SearchQuery) -> dict[str, list[FacetValue]]:
        selected = {
            "country": set(query.countries),
            "theme": set(query.themes),
            "population": set(query.populations),
            "language": set(query.languages),
        }
        names = dict(settings.LANGUAGES)
        facets = {}
        for name in FACET_FIELDS:
            buckets = getattr(response.aggregations, name).values.buckets
            values = [(str(b.key), b.doc_count) for b in buckets]
            if name in ("theme", "population"):
                labels = self._labels(name, {v for v, _n in values})
            elif name == "language":
                labels = {v: str(names.get(v, v)) for v, _n in values}
            else:
                labels = {}
            facets[name] = [
                FacetValue(
                    value,
                    labels.get(value, value),
                    count,
                    value in selected.get(name, ())
                    or (
                        name == "year"
                        and (query.year_from is not None or query.year_to is not None)
                        and (query.year_from or 0) <= int(value) <= (query.year_to or 9999)
                    ),
                )
                for value, count in values
            ]
        facets["year"].sort(key=lambda f: f.value, reverse=True)
        return facets

    def similar(
        self,
        text: str,
        *,
        themes: Sequence[str] = (),
        populations: Sequence[str] = (),
        exclude: Iterable[int] = (),
        limit: int = 20,
    ) -> list[SimilarHit]:
        if not text.strip() and not themes and not populations:
            return []
        search = build_similar(
            text,
            themes=themes,
            populations=populations,
            exclude=list(exclude),
            limit=limit,
            index=self.alias,
        )
        response = search.using(self.client).execute()
        top = max((h.meta.score for h in response.hits), default=0.0) or 1.0
        return [
            SimilarHit(
                page_id=int(h.meta.id),
                score=round(h.meta.score / top, 6),
                agency_id=getattr(h, "agency_id", None),
                title=h.title,
                url=h.url,
                language=getattr(h, "language", ""),
            )
            for h in response.hits
        ]

    # -- indexing --------------------------------------------------------------------------

    def _actions(self, docs, index: str):
        from ..documents import document_for

        for doc in docs:
            yield document_for(doc).to_dict(include_meta=True) | {"_index": index}

    def _ensure_alias(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            page_index(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index_name(self) -> str:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias}-{stamp}"

    def index_pages(self, pages: Sequence) -> int:
        from ..indexing import page_document

        self._ensure_alias()
        docs = [page_document(p) for p in pages]
        bulk(self.client, self._actions(docs, self.alias), refresh="wait_for")
        INDEX_VERSION.replace()
        return len(docs)

    def delete_pages(self, page_ids: Iterable[int]) -> None:
        self._ensure_alias()
        actions = (
            {"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in page_ids
        )
        bulk(self.client, actions, raise_on_error=False, refresh="wait_for")
        INDEX_VERSION.replace()

    def rebuild(self, pages: Iterable, *, progress=None) -> int:
        """Fill a new versioned index, then swap the alias to it in one step (zero downtime)."""
        from ..indexing import BATCH_SIZE, _batched, page_document

        name = self._new_index_name()
        page_index(name).create(using=self.client)
        count = 0
        for batch in _batched(pages, BATCH_SIZE):
            bulk(self.client, self._actions([page_document(p) for p in batch], name))
            count += len(batch)
            if progress:
                progress(len(batch))
        self.client.indices.refresh(index=name)
        try:
            old = list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            old = []
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o, ignore_unavailable=True)
        INDEX_VERSION.replace()
        return count
