"""The Elasticsearch mapping: one document per live page, experiences with their facets.

Text is indexed once per site language (stemming) and once folded (no stemming), all with
ASCII folding, so that "migracion" finds "migración" whatever the reader's language.
"""

from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Text, analyzer, token_filter

STEMMERS = {
    "en": token_filter("puente_en_stem", "stemmer", language="light_english"),
    "es": token_filter("puente_es_stem", "stemmer", language="light_spanish"),
    "fr": token_filter("puente_fr_stem", "stemmer", language="light_french"),
    "pt": token_filter("puente_pt_stem", "stemmer", language="light_portuguese"),
}
FOLDED = analyzer("puente_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
ANALYZERS = {
    code: analyzer(
        f"puente_{code}", tokenizer="standard", filter=["lowercase", "asciifolding", stemmer]
    )
    for code, stemmer in STEMMERS.items()
}


def _text() -> Text:
    """Folded text with one stemmed sub-field per site language."""
    return Text(analyzer=FOLDED, fields={code: Text(analyzer=a) for code, a in ANALYZERS.items()})


class PageDocument(Document):
    kind = Keyword()
    language = Keyword()
    title = _text()
    summary = _text()
    body = _text()
    agency = _text()
    url = Keyword(index=False)
    country = Keyword()
    agency_id = Integer()
    agency_label = Keyword(index=False)
    year = Integer()
    themes = Keyword()
    populations = Keyword()
    published_at = Date()


def page_index(name: str) -> Index:
    """A (versioned) index holding ``PageDocument``s."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(PageDocument)
    return index


def document_for(doc) -> PageDocument:
    """The Elasticsearch document of an ``indexing.PageDocument``."""
    return PageDocument(
        meta={"id": doc.page_id},
        kind=doc.kind,
        language=doc.language,
        title=doc.title,
        summary=doc.summary,
        body=doc.body,
        agency=doc.agency,
        url=doc.url,
        country=doc.country_code,
        agency_id=doc.agency_id,
        agency_label=doc.agency,
        year=doc.year,
        themes=doc.theme_slugs,
        populations=doc.population_slugs,
        published_at=doc.published_at,
    )
