"""Demo legal frameworks: the index in four languages, A-70, A-69, A-68, A-65 and the Social
Charter with their articles, status rows from public sources (illustrative, to be verified),
two reporting cycles and article tags on demo experiences and courses. Safe to run twice."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from cms.directory.models import Country
from cms.pages.models import HomePage

from . import services
from .demo_data import CYCLES, DEPOSITARY, FRAMEWORKS, INDEX, NOTE, RESERVATIONS, TAGS
from .models import (
    Article,
    ArticleTag,
    CountryStatus,
    CountryStatusChange,
    Framework,
    FrameworkIndexPage,
    FrameworkPage,
    ReportingCycle,
)

LANGUAGES = ("en", "es", "fr", "pt")


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _replace_placeholder(home) -> None:
    """Earlier demo data put a plain page at /<lang>/legal-frameworks/ (localized slugs);
    the index takes its place."""
    from cms.pages.models import StandardPage

    placeholder = StandardPage.objects.child_of(home).filter(slug="legal-frameworks").first()
    if placeholder is not None:
        StandardPage.objects.filter(translation_key=placeholder.translation_key).delete()


def _index(home, language, translation_key=None) -> FrameworkIndexPage:
    index = FrameworkIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = INDEX[language]
        kwargs = {"translation_key": translation_key} if translation_key else {}
        index = FrameworkIndexPage(title=title, slug="legal-frameworks", intro=intro,
                                   locale=home.locale, show_in_menus=True, **kwargs)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _framework(data) -> Framework:
    framework, _created = Framework.objects.get_or_create(code=data["code"], defaults={
        "binding": data["binding"], "position": data["position"],
        "adoption_date": _date(data["adopted"]), "entry_into_force_date": _date(data["in_force"]),
        "entry_into_force_deposits": data["deposits"],
        **{f"name_{code}": data["title"][code][:200] for code in LANGUAGES},
    })
    for position, (number, *headings) in enumerate(data["articles"]):
        Article.objects.get_or_create(framework=framework, number=number, defaults={
            "position": position,
            **{f"heading_{code}": heading for code, heading in zip(LANGUAGES, headings,
                                                                    strict=True)},
        })
    return framework


def _pages(framework, data, indexes) -> None:
    english = None
    for code in LANGUAGES:
        index = indexes[code]
        page = FrameworkPage.objects.filter(framework=framework, locale=index.locale).first()
        if page is not None:
            english = english or page
            continue
        kwargs = {"translation_key": english.translation_key} if english else {}
        page = FrameworkPage(
            title=data["title"][code], slug=framework.slug, framework=framework,
            summary=data["summary"][code], adoption_place=data["place"][code],
            adoption_context=data["context"], entry_into_force_rule=data["rule"][code],
            depositary=DEPOSITARY[code] if framework.binding else "",
            follow_up_mechanism=data["mechanism"][code], data_note=NOTE[code],
            locale=index.locale, **kwargs,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        english = english or page


def _statuses(framework, data, countries) -> int:
    created = 0
    for (iso, signed, signature, consent, consent_date, deposited, deposit, in_force, source,
         reservations) in data["rows"]:
        country = countries.get(iso)
        if country is None or CountryStatus.objects.filter(
            framework=framework, country=country
        ).exists():
            continue
        services.country_status_save(
            framework=framework, country=country, by=None, via=CountryStatusChange.Via.SEED,
            values={
                "signed": signed, "signature_date": _date(signature), "consent": consent,
                "consent_date": _date(consent_date), "deposited": deposited,
                "deposit_date": _date(deposit), "entry_into_force_date": _date(in_force),
                "source_url": source, "reservations_en": reservations,
                **{f"reservations_{code}": text
                   for code, text in RESERVATIONS.get(reservations, {}).items()},
            },
        )
        created += 1
    return created


def _tags() -> int:
    """Tag demo pages of other apps, found by title; absent ones are skipped."""
    created = 0
    for code, number, prefixes in TAGS:
        article = Article.objects.filter(framework__code=code, number=number).first()
        if article is None:
            continue
        for prefix in prefixes:
            for page in Page.objects.live().filter(title__startswith=prefix, depth__gt=3)[:2]:
                page = page.specific
                _tag, new = ArticleTag.objects.get_or_create(
                    article=article,
                    content_type_id=page.content_type_id, object_id=page.pk,
                    defaults={"country_id": getattr(page, "country_id", None)},
                )
                created += new
    return created


def _cycles(frameworks) -> None:
    today = timezone.localdate()
    for code, names, days in CYCLES:
        framework = frameworks[code]
        if ReportingCycle.objects.filter(framework=framework, name_en=names[0]).exists():
            continue
        cycle = ReportingCycle.objects.create(
            framework=framework, due_date=today + datetime.timedelta(days=days),
            **{f"name_{lang}": name for lang, name in zip(LANGUAGES, names, strict=True)},
        )
        services.cycle_reports_create(cycle=cycle, by=None)


@transaction.atomic
def seed(stdout) -> None:
    english_home = HomePage.objects.filter(locale__language_code="en", depth=2).first()
    if english_home is None:
        return
    _replace_placeholder(english_home)
    indexes = {"en": _index(english_home, "en")}
    for code in ("es", "fr", "pt"):
        home = english_home.get_translation_or_none(Locale.objects.get(language_code=code))
        if home is not None:
            indexes[code] = _index(home, code, indexes["en"].translation_key)
    countries = {c.code: c for c in Country.objects.all()}
    frameworks, rows = {}, 0
    for data in FRAMEWORKS:
        framework = _framework(data)
        frameworks[data["code"]] = framework
        if len(indexes) == len(LANGUAGES):
            _pages(framework, data, indexes)
        if framework.binding:
            rows += _statuses(framework, data, countries)
    _cycles(frameworks)
    tags = _tags()
    stdout.write(
        f"Legal frameworks: {len(frameworks)} instruments, {rows} status rows added, "
        f"{tags} article tags added (illustrative data, to be verified)."
    )
