"""The catalogue as readers and harvesters see it: each registered dataset with its last update
(kept in the cache for ``OPENDATA_MODIFIED_SECONDS``: each costs one query in its own app), and the
DCAT catalogue in JSON-LD (https://www.w3.org/TR/vocab-dcat-3/)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.notify import absolute_url

from . import datasets
from .streams import cell

MEDIA_TYPES = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "json": "https://www.iana.org/assignments/media-types/application/json",
}


def last_updated(dataset: datasets.Dataset):
    key = f"puente:opendata:modified:{dataset.slug}"
    value = cache.get(key)
    if value is None:
        value = dataset.last_updated() or ""
        cache.set(key, value, getattr(settings, "OPENDATA_MODIFIED_SECONDS", 600))
    return value or None


def download_path(dataset: datasets.Dataset, fmt: str) -> str:
    return reverse("opendata_files:download", args=[dataset.slug, fmt])


def _modified(value) -> dict | None:
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return {"@value": value.isoformat(), "@type": "xsd:dateTime"}
    return {"@value": cell(value), "@type": "xsd:date"}


def _in_languages(text) -> list[dict]:
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@value": str(text), "@language": code})
    return values


def dcat_catalog() -> dict:
    """The whole catalogue as a DCAT ``dcat:Catalog`` with its datasets and distributions."""
    licence = {"@id": datasets.LICENCE_URL}
    entries = []
    for dataset in datasets.registered():
        with translation.override(settings.LANGUAGE_CODE):
            landing = absolute_url(reverse("opendata:dataset", args=[dataset.slug]))
        modified = _modified(last_updated(dataset))
        distributions = []
        for fmt, title in (("csv", "CSV"), ("json", "JSON")):
            url = absolute_url(download_path(dataset, fmt))
            distributions.append({
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.slug}.{fmt}",
                "dct:format": title,
                "dcat:mediaType": {"@id": MEDIA_TYPES[fmt]},
                "dcat:downloadURL": {"@id": url},
                "dcat:accessURL": {"@id": landing},
                "dct:license": licence,
                **({"dct:modified": modified} if modified else {}),
            })
        entry = {
            "@id": landing,
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.slug,
            "dct:title": _in_languages(dataset.title),
            "dct:description": _in_languages(dataset.description),
            "dcat:keyword": list(dataset.keywords),
            "dcat:landingPage": {"@id": landing},
            "dct:license": licence,
            "dct:publisher": {"@id": "#publisher"},
            "dcat:distribution": distributions,
        }
        if modified:
            entry["dct:modified"] = modified
        entries.append(entry)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute_url(reverse("opendata_files:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _in_languages(_("Puente open data")),
        "dct:description": _in_languages(_(
            "Open data of Puente, the learning and peer-exchange platform of the OAS Department "
            "of Social Inclusion: exchanges, experiences, participation, networks and country "
            "indicators."
        )),
        "dct:publisher": {
            "@id": "#publisher",
            "@type": "foaf:Organization",
            "foaf:name": "Organization of American States — Department of Social Inclusion",
        },
        "dct:license": licence,
        "dct:language": [
            {"@id": f"http://id.loc.gov/vocabulary/iso639-1/{code}"}
            for code, _name in settings.LANGUAGES
        ],
        "dcat:dataset": entries,
    }
