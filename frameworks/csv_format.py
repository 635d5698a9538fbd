"""The status CSV: one format for the downloads and the import (UTF-8 with BOM, ISO dates).

The import reads the columns of :data:`IMPORT_COLUMNS`; the read-only columns of the export
(``country_name``, ``standing``, ``entry_into_force``) are ignored, so an exported file can be
edited and imported again."""

from __future__ import annotations

import csv
import datetime
import io

from django.utils.translation import gettext as _

from cms.directory.models import Country

from .models import Consent, Framework

IMPORT_COLUMNS = (
    "framework", "country", "signed", "signature_date", "consent", "consent_date", "deposited",
    "deposit_date", "entry_into_force_date", "reservations_en", "reservations_es",
    "reservations_fr", "reservations_pt", "source_url",
)
EXPORT_COLUMNS = (
    "framework", "country", "country_name", "standing", "signed", "signature_date", "consent",
    "consent_date", "deposited", "deposit_date", "entry_into_force_date", "entry_into_force",
    "reservations_en", "reservations_es", "reservations_fr", "reservations_pt", "source_url",
)
BOOLEANS = {"": False, "no": False, "false": False, "0": False,
            "yes": True, "true": True, "1": True}


def export_row(status, entry_into_force) -> list[str]:
    def d(value):
        return value.isoformat() if value else ""

    return [
        status.framework.code, status.country.code, status.country.name_en, status.standing,
        "yes" if status.signed else "no", d(status.signature_date), status.consent,
        d(status.consent_date), "yes" if status.deposited else "no", d(status.deposit_date),
        d(status.entry_into_force_date), d(entry_into_force), status.reservations_en,
        status.reservations_es, status.reservations_fr, status.reservations_pt,
        status.source_url,
    ]


def write(rows) -> str:
    """The CSV text, BOM first, for ``rows`` of :data:`EXPORT_COLUMNS`."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def parse(data: bytes, *, max_rows: int):
    """([(line, framework, country, values)], [(line, error)]) for a CSV file's bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(1, _("The file is not UTF-8 text: save it as “CSV UTF-8”."))]
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("framework", "country") if c not in (reader.fieldnames or [])]
    if missing:
        return [], [(1, _("Missing columns: %(names)s.") % {"names": ", ".join(missing)})]
    frameworks = {f.code.upper(): f for f in Framework.objects.all()}
    countries = {c.code: c for c in Country.objects.all()}
    parsed, errors, seen = [], [], set()
    for index, raw in enumerate(reader):
        line = index + 2
        if index >= max_rows:
            errors.append((line, _("Too many rows: at most %(max)s.") % {"max": max_rows}))
            break
        row = {k: (v or "").strip() for k, v in raw.items() if k}
        problems = []
        framework = frameworks.get(row.get("framework", "").upper())
        country = countries.get(row.get("country", "").upper())
        if framework is None:
            problems.append(_("unknown framework “%(code)s”") % {"code": row.get("framework")})
        if country is None:
            problems.append(_("unknown country “%(code)s”") % {"code": row.get("country")})
        values = {}
        for name in IMPORT_COLUMNS[2:]:
            if name not in row:
                continue
            value = row[name]
            if name in ("signed", "deposited"):
                if value.lower() not in BOOLEANS:
                    problems.append(_("%(column)s must be yes or no") % {"column": name})
                values[name] = BOOLEANS.get(value.lower(), False)
            elif name.endswith("_date"):
                try:
                    values[name] = datetime.date.fromisoformat(value) if value else None
                except ValueError:
                    problems.append(_("%(column)s “%(value)s” is not a date (YYYY-MM-DD)")
                                    % {"column": name, "value": value})
            elif name == "consent":
                if value and value not in Consent.values:
                    problems.append(_("consent must be one of: %(values)s")
                                    % {"values": ", ".join(Consent.values)})
                values[name] = value
            else:
                values[name] = value
        key = (row.get("framework", "").upper(), row.get("country", "").upper())
        if key in seen:
            problems.append(_("this framework and country appear twice in the file"))
        seen.add(key)
        if problems:
            errors.append((line, "; ".join(problems).capitalize() + "."))
        else:
            parsed.append((line, framework, country, values))
    if not parsed and not errors:
        errors.append((1, _("The file has no rows.")))
    return parsed, errors
