"""JSON endpoints mounted at /api/frameworks/ (same rules as the pages; reads are public, the
status write is the secretariat's, through the same service and date rules as the admin)."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from . import selectors, services
from .models import CountryStatusChange, Framework, translated
from .views import MAX_COMPARE, MIN_COMPARE

router = Router(tags=["frameworks"])


class FrameworkOut(Schema):
    code: str
    slug: str
    title: str
    binding: bool
    adoption_date: datetime.date | None
    entry_into_force: datetime.date | None
    parties: int | None
    signatories: int | None
    pending_deposit: int | None


class ArticleOut(Schema):
    number: str
    heading: str
    text: str


class FrameworkDetailOut(FrameworkOut):
    articles: list[ArticleOut]


class StatusOut(Schema):
    country: str
    standing: str
    signed: bool
    signature_date: datetime.date | None
    consent: str
    consent_date: datetime.date | None
    deposited: bool
    deposit_date: datetime.date | None
    entry_into_force: datetime.date | None
    reservations: str
    source_url: str
    version: int


class StatusIn(Schema):
    signed: bool = False
    signature_date: datetime.date | None = None
    consent: str = ""
    consent_date: datetime.date | None = None
    deposited: bool = False
    deposit_date: datetime.date | None = None
    entry_into_force_date: datetime.date | None = None
    reservations_en: str = ""
    reservations_es: str = ""
    reservations_fr: str = ""
    reservations_pt: str = ""
    source_url: str = ""
    version: int | None = None


class CompareOut(Schema):
    countries: list[str]
    frameworks: list[dict]


def _framework(code: str) -> Framework:
    return get_object_or_404(Framework, slug=code.lower())


def _out(framework: Framework, table=None) -> dict:
    return {
        "code": framework.code, "slug": framework.slug, "title": framework.name,
        "binding": framework.binding, "adoption_date": framework.adoption_date,
        "entry_into_force": table.general_entry_into_force if table else
        framework.entry_into_force_date,
        "parties": table.counts["parties"] if table else None,
        "signatories": table.counts["signatories"] if table else None,
        "pending_deposit": table.counts["pending"] if table else None,
    }


def _status_out(row) -> dict:
    s = row.status
    return {
        "country": row.country.code, "standing": s.standing, "signed": s.signed,
        "signature_date": s.signature_date, "consent": s.consent,
        "consent_date": s.consent_date, "deposited": s.deposited,
        "deposit_date": s.deposit_date, "entry_into_force": row.entry_into_force,
        "reservations": s.reservations[0], "source_url": s.source_url, "version": s.version,
    }


@router.get("/", response=list[FrameworkOut])
def framework_list(request):
    """Every instrument, with its counts when it is a treaty."""
    return [
        _out(f, selectors.status_table(f, list(f.statuses.all())) if f.binding else None)
        for f in Framework.objects.prefetch_related("statuses")
    ]


class CompareQuery(Schema):
    country: list[str] = []


@router.get("/compare", response=CompareOut)
def compare(request, query: Query[CompareQuery]):
    """Two to five countries side by side (400 with the reason otherwise)."""
    selected = []
    for code in query.country:
        country = selectors.country_by_code(code)
        if country is None or country in selected:
            raise HttpError(400, _("Unknown or repeated country code: %(code)s.")
                            % {"code": code[:10]})
        selected.append(country)
    if not MIN_COMPARE <= len(selected) <= MAX_COMPARE:
        raise HttpError(400, _("Choose from %(min)s to %(max)s countries to compare.")
                        % {"min": MIN_COMPARE, "max": MAX_COMPARE})
    rows = selectors.compare(selected)
    return {
        "countries": [c.code for c in selected],
        "frameworks": [{"framework": r["framework"].code,
                        "standings": {c["country"].code: c["standing"] for c in r["cells"]}}
                       for r in rows],
    }


@router.get("/countries/{iso2}", response=list[dict])
def country_profile(request, iso2: str):
    """A country's standing towards every instrument, with its reports' states."""
    country = selectors.country_by_code(iso2)
    if country is None:
        raise Http404
    return [{
        "framework": r["framework"].code, "binding": r["framework"].binding,
        "standing": r["standing"] if r["framework"].binding else None,
        "entry_into_force": r["entry_into_force"].isoformat() if r["entry_into_force"] else None,
        "reports": [{"cycle": rep.cycle.name_en, "due_date": rep.cycle.due_date.isoformat(),
                     "state": rep.state} for rep in r["reports"]],
    } for r in selectors.country_profile(country, request)]


@router.get("/{code}", response=FrameworkDetailOut)
def framework_detail(request, code: str):
    framework = _framework(code)
    table = selectors.status_table(framework) if framework.binding else None
    return {
        **_out(framework, table),
        "articles": [
            {"number": a.number, "heading": translated(a, "heading")[0],
             "text": translated(a, "text")[0]}
            for a in framework.articles.all()
        ],
    }


@router.get("/{code}/statuses", response=list[StatusOut])
def status_list(request, code: str):
    """The rows of the status table (member states with some recorded action)."""
    framework = _framework(code)
    if not framework.binding:
        return []
    return [_status_out(r) for r in selectors.status_table(framework).rows if r.status]


@router.put("/{code}/statuses/{iso2}", response=StatusOut, auth=django_auth)
def status_put(request, code: str, iso2: str, payload: StatusIn):
    """Record a State's status (secretariat). Bad dates: 400 with ``errors`` per field; a stale
    ``version``: 409; anyone else: 403. Nothing changes on an error."""
    framework = _framework(code)
    country = selectors.country_by_code(iso2)
    if country is None:
        raise Http404
    values = payload.dict()
    version = values.pop("version")
    services.country_status_save(
        framework=framework, country=country, values=values, by=request.user,
        via=CountryStatusChange.Via.API, expected_version=version,
    )
    row = next(r for r in selectors.status_table(framework).rows if r.country.pk == country.pk)
    return _status_out(row)
