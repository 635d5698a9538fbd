"""The open-data catalogue pages (``/<lang>/data/``), the streamed downloads and the DCAT
catalogue (``/data/<slug>.csv|json``, ``/data/catalog.jsonld``, language-neutral)."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import catalogue, datasets, streams


def _entry(dataset: datasets.Dataset) -> dict:
    return {
        "dataset": dataset,
        "columns": dataset.column_list(),
        "modified": catalogue.last_updated(dataset),
        "csv": catalogue.download_path(dataset, "csv"),
        "json": catalogue.download_path(dataset, "json"),
    }


@require_GET
def catalogue_page(request):
    entries = [_entry(d) for d in datasets.registered()]
    return render(
        request, "opendata/catalogue.html",
        {"entries": entries, "licence_url": datasets.LICENCE_URL},
    )


@require_GET
def dataset_page(request, slug):
    dataset = datasets.get(slug)
    if dataset is None:
        raise Http404("No such dataset")
    return render(
        request, "opendata/dataset.html",
        {"entry": _entry(dataset), "licence_url": datasets.LICENCE_URL},
    )


@require_GET
def download(request, slug, fmt):
    dataset = datasets.get(slug)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404("No such dataset")
    if fmt == "csv":
        response = StreamingHttpResponse(
            streams.csv_stream(dataset), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            streams.json_stream(dataset, modified=catalogue.last_updated(dataset)),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{slug}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def catalog_jsonld(request):
    body = json.dumps(catalogue.dcat_catalog(), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response
