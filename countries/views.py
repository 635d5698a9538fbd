"""Country profiles (``/<lang>/countries/<iso2>/``) and the country index with its sortable
table of headline figures. Both are built only from the sections registry."""

from __future__ import annotations

import hashlib

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from cms.directory.models import Country
from cms.directory.versions import DIRECTORY

from . import selectors


def index(request):
    countries = list(Country.objects.order_by("name_en"))
    columns, rows = selectors.headline_table(countries, request)
    keys = ["name"] + [section.key for section in columns]
    sort = request.GET.get("sort", "name")
    if sort not in keys:
        sort = "name"
    descending = request.GET.get("dir") == "desc"
    if sort == "name":
        rows.sort(key=lambda r: r["country"].name, reverse=descending)
    else:
        position = keys.index(sort) - 1
        # A hidden count (None) is between 1 and 4 people.
        rows.sort(
            key=lambda r: (2.5 if r["values"][position] is None else r["values"][position],
                           r["country"].name),
            reverse=descending,
        )
    labels = [None] + [section.headline_label or section.title for section in columns]
    headers = []
    for key, label in zip(keys, labels, strict=True):
        current = key == sort
        headers.append({
            "key": key,
            "label": label,
            "sorted": ("descending" if descending else "ascending") if current else "",
            # A click on the sorted column reverses it; another column starts with its most
            # useful order (names A→Z, figures largest first).
            "next": ("asc" if descending else "desc") if current
            else ("asc" if key == "name" else "desc"),
        })
    # The table is rendered once per set of figures (read on each request), order and language.
    table_key = hashlib.sha256(repr((
        DIRECTORY.current(), get_language(),
        [(h["key"], str(h["label"] or ""), h["sorted"], h["next"]) for h in headers],
        [(row["country"].pk, row["values"]) for row in rows],
    )).encode()).hexdigest()
    return render(request, "countries/index.html", {
        "headers": headers, "rows": rows, "sort": sort, "table_key": table_key,
    })


def profile(request, code):
    if code.isupper() and len(code) == 2:
        return redirect("countries:profile", code.lower(), permanent=True)
    if not code.islower():
        raise Http404("Country codes are lower case")
    country = selectors.country_by_code(code)
    return render(
        request,
        "countries/profile.html",
        {"country": country, "sections": selectors.rendered_sections(country, request)},
    )
